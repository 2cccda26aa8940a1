import { NextResponse } from 'next/server';
import { listIncidentMaterials } from '@/server/materials';
import { withActor } from '@/server/http/respond';

/** The incident's reservations and material shortfalls (an assignee: only their role's). */
export const GET = withActor(async (ctx, _request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return NextResponse.json(await listIncidentMaterials({ ctx, input: { incidentId: id } }));
});
