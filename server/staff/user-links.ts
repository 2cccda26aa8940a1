import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db';
import { enterprises } from '../../db/schema';
import type { ManagedRole } from '../contracts/admin';
import { DomainError, invalid } from '../kernel/errors';
import { findDepartment } from './find-department';

type Links = { role: ManagedRole; departmentId: string | null; enterpriseId: string | null };

/**
 * Checks what a role needs (field staff a department, an enterprise account its enterprise) and that
 * the linked rows are in the caller's jurisdiction; drops the links a role cannot have.
 */
export async function resolveUserLinks(tx: DbOrTx, jurisdictionId: string, links: Links): Promise<Links> {
  const isEnterprise = links.role === 'enterprise';
  const departmentId = isEnterprise ? null : links.departmentId;
  const enterpriseId = isEnterprise ? links.enterpriseId : null;
  if (links.role === 'field_staff' && !departmentId) throw invalid('departmentRequired', { field: 'departmentId' });
  if (isEnterprise && !enterpriseId) throw invalid('enterpriseRequired', { field: 'enterpriseId' });
  if (departmentId && !(await findDepartment(tx, jurisdictionId, departmentId))) {
    throw new DomainError('not_found', 'departmentNotFound', { field: 'departmentId' });
  }
  if (enterpriseId) {
    const [enterprise] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), eq(enterprises.jurisdictionId, jurisdictionId)));
    if (!enterprise) throw new DomainError('not_found', 'unknownEnterprise', { field: 'enterpriseId' });
  }
  return { role: links.role, departmentId, enterpriseId };
}
