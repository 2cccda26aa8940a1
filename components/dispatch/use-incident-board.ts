'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { useSocket } from '@/components/realtime/use-socket';
import { fresherAssignment, withRememberedAssignments } from '@/components/realtime/assignment-cache';
import type { AssignmentView, IncidentDetail, IncidentSummary, IncidentUpdateView } from '@/server/contracts/dispatch';

function mergeAssignments(current: AssignmentView[], incoming: AssignmentView[]): AssignmentView[] {
  const byId = new Map(current.map((assignment) => [assignment.id, assignment]));
  return incoming.map((assignment) => {
    const known = byId.get(assignment.id);
    return known ? fresherAssignment(known, assignment) : assignment;
  });
}

function upsertAssignment(list: AssignmentView[], assignment: AssignmentView): AssignmentView[] {
  if (!list.some((known) => known.id === assignment.id)) return [...list, assignment];
  return list.map((known) => (known.id === assignment.id ? fresherAssignment(known, assignment) : known));
}

const mergeSummary = (current: IncidentDetail, incoming: IncidentSummary): IncidentDetail =>
  current.status === 'lifted' && incoming.status === 'active' ? current : { ...current, ...incoming };

/** The live response board's data: the page's snapshot, then pushes, and a re-read on every (re)connect. */
export function useIncidentBoard(initial: IncidentDetail) {
  // The page data may be older than pushes this tab already had (they came while it navigated here).
  const [detail, setDetail] = useState(() => ({ ...initial, assignments: withRememberedAssignments(initial.assignments) }));
  const incidentId = initial.id;
  const refreshTimer = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    const result = await callApi<IncidentDetail>(`/api/incidents/${incidentId}`);
    if (!result.ok) return;
    setDetail((current) => ({
      ...mergeSummary(current, result.data),
      assignments: mergeAssignments(current.assignments, result.data.assignments),
      shortfalls: result.data.shortfalls,
      timeline: result.data.timeline,
      updates: result.data.updates,
    }));
  }, [incidentId]);

  // Pushes carry the row, not the timeline: re-read once a burst of them has settled.
  const scheduleRefresh = useCallback(() => {
    if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = null;
      void refresh();
    }, 250);
  }, [refresh]);
  useEffect(
    () => () => {
      if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
    },
    [],
  );

  const { isConnected } = useSocket(
    {
      'assignment:updated': ({ assignment }) => {
        if (assignment.incidentId !== incidentId) return;
        setDetail((current) => ({ ...current, assignments: upsertAssignment(current.assignments, assignment) }));
        scheduleRefresh();
      },
      'incident:updated': ({ incident }) => {
        if (incident.id !== incidentId) return;
        setDetail((current) => mergeSummary(current, incident));
        scheduleRefresh();
      },
      // A field report carries no row of this board, and no incident:updated follows it (an escalation
      // step's does): re-read so its timeline entry shows without a reload.
      'field-report:added': ({ report }) => {
        if (report.incidentId === incidentId) scheduleRefresh();
      },
    },
    () => void refresh(),
  );

  const applyLifted = useCallback(
    (incident: IncidentSummary) => {
      setDetail((current) => mergeSummary(current, incident));
      void refresh();
    },
    [refresh],
  );

  // The officer's own 情况通报 shows at once; the re-read brings the incident's new state and the timeline.
  const applyUpdate = useCallback(
    (update: IncidentUpdateView) => {
      setDetail((current) =>
        current.updates.some((known) => known.id === update.id) ? current : { ...current, updates: [...current.updates, update] },
      );
      void refresh();
    },
    [refresh],
  );

  return { detail, isConnected, applyLifted, applyUpdate, refresh };
}
