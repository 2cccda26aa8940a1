// The "bare-durable" baseline's database work: what a dispatch must make durable before it may
// announce anything, and nothing more, written the fastest plain way (raw better-sqlite3, prepared
// statements, one transaction, the app's own pragmas: WAL, synchronous=FULL, foreign keys on).
// Per trigger: one incident row and its audit row, then per person one assignment row and one
// audit row (`assignment.sent`), as server/dispatch/trigger-incident.ts writes them. Per 收到: the
// conditional update of the card and its audit row, as advance-assignment.ts, the 收到 of one
// event-loop turn sharing a transaction.
// The rows are real rows of the load database (same tables, same constraints, same indexes), so the
// only difference to the app is everything the app does besides writing them.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

type Staff = { userId: string; departmentId: string };

/**
 * `outbox`: also one SMS outbox row per card and one for the group, as the trigger queues them when
 * the SMS channel is configured (bench/trigger-verb.ts configures it; the fan-out servers do not).
 */
export function openDurableWrites(databaseFile: string, planId: string, staffIds: readonly string[], options: { outbox?: boolean } = {}) {
  const db = new Database(databaseFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const plan = db
    .prepare('SELECT id, jurisdiction_id AS jurisdictionId, incident_type AS incidentType FROM plans WHERE id = ?')
    .get(planId) as { id: string; jurisdictionId: string; incidentType: string } | undefined;
  if (!plan) throw new Error(`bare-durable: plan ${planId} is not in the load database`);
  const role = db
    .prepare(
      'SELECT id, name, instructions, materials, target_label AS targetLabel FROM plan_roles WHERE plan_id = ? ORDER BY position LIMIT 1',
    )
    .get(planId) as { id: string; name: string; instructions: string; materials: string; targetLabel: string };
  const duty = db.prepare("SELECT id FROM users WHERE role = 'duty_officer' ORDER BY username LIMIT 1").get() as { id: string };
  const departmentOf = new Map(
    (
      db.prepare('SELECT id, department_id AS departmentId FROM users WHERE department_id IS NOT NULL').all() as {
        id: string;
        departmentId: string;
      }[]
    ).map((row) => [row.id, row.departmentId]),
  );
  const staff: Staff[] = staffIds.map((userId) => ({ userId, departmentId: departmentOf.get(userId)! }));

  const insertIncident = db.prepare(
    `INSERT INTO incidents (id, jurisdiction_id, plan_id, incident_type, description, lat, lng, is_drill, status, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'active', ?, ?)`,
  );
  const insertAssignment = db.prepare(
    `INSERT INTO assignments (id, incident_id, user_id, plan_role_id, department_id, role_name, instructions, materials,
       target_label, target_lat, target_lng, status, sent_at, next_push_at, next_escalation_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, NULL)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO audit_events (id, jurisdiction_id, actor_id, action, entity_type, entity_id, incident_id, data, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO notifications (id, jurisdiction_id, incident_id, assignment_id, user_id, channel, kind, status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 'sms', 'assignment', 'pending', ?, ?)`,
  );
  const acknowledge = db.prepare(
    `UPDATE assignments SET status = 'acknowledged', acknowledged_at = ?, next_push_at = NULL
     WHERE id = ? AND status IN ('sent', 'delivered') RETURNING incident_id AS incidentId, user_id AS userId`,
  );
  const closeIncident = db.prepare("UPDATE incidents SET status = 'lifted', lifted_at = ? WHERE id = ?");
  const closeCards = db.prepare('UPDATE assignments SET closed_at = ? WHERE incident_id = ? AND closed_at IS NULL');

  const dispatch = db.transaction((incidentId: string, at: number) => {
    insertIncident.run(incidentId, plan.jurisdictionId, plan.id, plan.incidentType, 'bare-durable fan-out', 29.5873, 106.3291, duty.id, at);
    insertAudit.run(
      randomUUID(),
      plan.jurisdictionId,
      duty.id,
      'incident.triggered',
      'incident',
      incidentId,
      incidentId,
      JSON.stringify({ planId: plan.id, assigned: staff.length }),
      at,
    );
    const cards: { assignmentId: string; userId: string }[] = [];
    for (const person of staff) {
      const assignmentId = randomUUID();
      insertAssignment.run(
        assignmentId,
        incidentId,
        person.userId,
        role.id,
        person.departmentId,
        role.name,
        role.instructions,
        role.materials,
        role.targetLabel,
        29.5873,
        106.3291,
        at,
        at + 5_000,
      );
      insertAudit.run(
        randomUUID(),
        plan.jurisdictionId,
        duty.id,
        'assignment.sent',
        'assignment',
        assignmentId,
        incidentId,
        JSON.stringify({ userId: person.userId, role: role.name }),
        at,
      );
      if (options.outbox) insertOutbox.run(randomUUID(), plan.jurisdictionId, incidentId, assignmentId, person.userId, at, at);
      cards.push({ assignmentId, userId: person.userId });
    }
    if (options.outbox) insertOutbox.run(randomUUID(), plan.jurisdictionId, incidentId, null, null, at, at);
    return cards;
  });

  // A group of 收到 in one transaction (one fsync): the least a durable server does with a burst of
  // them. One commit per 收到 held the event loop for 1.5–2 ms each, so 10,000 of them starved the
  // heartbeats and the phones were dropped; the app commits them in groups too (db/transaction.ts).
  const acknowledgeGroup = db.transaction((assignmentIds: readonly string[], at: number) => {
    const acknowledged: string[] = [];
    for (const assignmentId of assignmentIds) {
      const row = acknowledge.get(at, assignmentId) as { incidentId: string; userId: string } | undefined;
      if (!row) continue;
      insertAudit.run(
        randomUUID(),
        plan.jurisdictionId,
        row.userId,
        'assignment.acknowledged',
        'assignment',
        assignmentId,
        row.incidentId,
        JSON.stringify({ from: 'sent', role: role.name }),
        at,
      );
      acknowledged.push(assignmentId);
    }
    return acknowledged;
  });

  const lift = db.transaction((incidentId: string, at: number) => {
    closeIncident.run(at, incidentId);
    closeCards.run(at, incidentId);
  });

  return {
    /** Writes the incident, every card and their audit rows in one transaction; returns the cards to push. */
    dispatch: (incidentId: string) => dispatch(incidentId, Date.now()),
    /** Writes a group of 收到 with their audit rows in one transaction; returns the cards it acknowledged. */
    acknowledge: (assignmentIds: readonly string[]) => acknowledgeGroup(assignmentIds, Date.now()),
    lift: (incidentId: string) => lift(incidentId, Date.now()),
    close: () => db.close(),
  };
}
