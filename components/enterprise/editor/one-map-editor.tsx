'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import type { EditorMode } from '@/components/maps/site-plan-editor-map';
import type { PlanPixel } from '@/components/maps/site-plan-coords';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/form-field';
import type { MapConfig } from '@/server/contracts/views';
import { contactInput, materialInput, type MapContent, type PublishedRiskPoint } from '@/server/contracts/one-map';
import { KindLegend } from '../kind-legend';
import { VersionHistory, type MapVersionRow } from '../version-history';
import { georefRowPoint, GeorefEditor, type GeorefRow } from './georef-editor';
import { PlanUpload } from './plan-upload';
import { PointForm } from './point-form';
import { PublishPanel, type PublishedStatus } from './publish-panel';
import { RowsEditor } from './rows-editor';
import { NEW_POINT_ID, usePointEditing } from './use-point-editing';
import styles from './editor.module.css';

const EditorMap = dynamic(() => import('@/components/maps/site-plan-editor-map'), {
  ssr: false,
  loading: () => <div className={styles.mapBox} />,
});

type Props = {
  enterpriseId: string;
  draft: MapContent;
  published: PublishedStatus;
  pendingChanges: string[];
  versions: MapVersionRow[];
  mapConfig: MapConfig;
};

const toRow = (point: { x: number; y: number; lat: number; lng: number }): GeorefRow => ({
  x: String(point.x),
  y: String(point.y),
  lat: String(point.lat),
  lng: String(point.lng),
});

/** The enterprise's one-map workbench: plan, points, contacts, materials, georeference, publishing. */
export function OneMapEditor({ enterpriseId, draft, published, pendingChanges, versions, mapConfig }: Props) {
  const t = useTranslations('enterprise');
  const editing = usePointEditing(enterpriseId, draft.riskPoints);
  const [mode, setMode] = useState<EditorMode>('select');
  const [moveError, setMoveError] = useState<string | null>(null);
  const [georefRows, setGeorefRows] = useState<GeorefRow[]>(() => draft.georef.map(toRow));
  const [activeGeoref, setActiveGeoref] = useState(0);
  const isFormOpen = editing.target !== null && (editing.target.isNew || editing.editing !== null);

  // The unsaved new point is shown, and can be dragged, like any other.
  const mapPoints = useMemo<PublishedRiskPoint[]>(() => {
    if (!editing.target?.isNew || !editing.placement) return draft.riskPoints;
    const pending = {
      id: NEW_POINT_ID,
      number: 0,
      lat: null,
      lng: null,
      ...editing.values,
      code: editing.values.code || '+',
      ...editing.placement,
      substances: [],
      disposalSteps: [],
    };
    return [...draft.riskPoints, pending];
  }, [draft.riskPoints, editing.target, editing.placement, editing.values]);
  const georefPixels = useMemo(
    () => georefRows.map(georefRowPoint).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
    [georefRows],
  );

  const onPlanClick = useCallback(
    (pixel: PlanPixel) => {
      if (mode === 'add') editing.setPlacement(pixel);
      if (mode === 'georef')
        setGeorefRows((rows) => rows.map((row, i) => (i === activeGeoref ? { ...row, x: String(pixel.x), y: String(pixel.y) } : row)));
      setMode('select');
    },
    [mode, activeGeoref, editing],
  );
  const onSelectPoint = (id: string) => {
    const point = draft.riskPoints.find((candidate) => candidate.id === id);
    if (!point) return;
    setMode('select');
    editing.select(point);
  };
  const onMovePoint = async (id: string, pixel: PlanPixel) => {
    setMoveError(null);
    const result = await editing.move(id, pixel);
    if (result.error) setMoveError(result.error);
    return result.isSaved;
  };
  const startAdd = () => {
    editing.startNew();
    setMode('add');
  };
  const pickGeorefPixel = (index: number) => {
    setActiveGeoref(index);
    setMode('georef');
    document.getElementById('editor-map-anchor')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const planUpload = <PlanUpload enterpriseId={enterpriseId} plan={draft.plan} />;

  return (
    <>
      <Card>
        <PublishPanel enterpriseId={enterpriseId} published={published} pendingChanges={pendingChanges} hasPlan={draft.plan !== null} />
      </Card>
      {!draft.plan && <Card>{planUpload}</Card>}
      {draft.plan && (
        <div className={styles.layout} id="editor-map-anchor">
          <div className={styles.mapColumn}>
            <div className={styles.toolbar}>
              <Button variant="primary" onClick={startAdd} data-testid="add-point" aria-pressed={mode === 'add'}>
                {t('map.addPoint')}
              </Button>
              {mode !== 'select' && (
                <>
                  <span className={styles.modeHint} role="status">
                    {mode === 'add' ? t('map.addHint') : t('map.georefHint', { number: activeGeoref + 1 })}
                  </span>
                  <Button onClick={() => setMode('select')}>{t('map.cancelMode')}</Button>
                </>
              )}
              {mode === 'select' && <span className={styles.muted}>{t('map.dragHint')}</span>}
            </div>
            {moveError && <Alert>{moveError}</Alert>}
            <div className={styles.mapBox}>
              <EditorMap
                key={draft.plan.imageUrl}
                plan={draft.plan}
                points={mapPoints}
                georef={georefPixels}
                selectedId={editing.target?.isNew ? NEW_POINT_ID : (editing.editing?.id ?? null)}
                mode={mode}
                onPlanClick={onPlanClick}
                onSelectPoint={onSelectPoint}
                onMovePoint={onMovePoint}
                label={t('map.label')}
              />
            </div>
            <KindLegend />
          </div>
          <div className={styles.side}>
            <Card>
              {isFormOpen ? (
                <PointForm
                  key={editing.target?.isNew ? NEW_POINT_ID : editing.editing?.id}
                  values={editing.values}
                  onChange={editing.setValues}
                  errors={editing.errors}
                  formError={editing.formError}
                  position={editing.position}
                  isNew={editing.target?.isNew ?? false}
                  isBusy={editing.isBusy}
                  onSubmit={editing.save}
                  onDelete={editing.remove}
                  onCancel={() => {
                    editing.close();
                    setMode('select');
                  }}
                />
              ) : (
                <p className={styles.muted}>{t('point.selectHint', { count: draft.riskPoints.length })}</p>
              )}
            </Card>
            <Card>{planUpload}</Card>
          </div>
        </div>
      )}
      <div className={styles.twoColumns}>
        <Card>
          <RowsEditor
            section="contacts"
            enterpriseId={enterpriseId}
            fields={['name', 'role', 'phone']}
            schema={contactInput}
            initial={draft.contacts}
          />
        </Card>
        <Card>
          <RowsEditor
            section="materials"
            enterpriseId={enterpriseId}
            fields={['kind', 'quantity', 'location']}
            schema={materialInput}
            initial={draft.materials}
          />
        </Card>
      </div>
      {draft.plan && (
        <Card>
          <GeorefEditor
            enterpriseId={enterpriseId}
            rows={georefRows}
            onChange={setGeorefRows}
            activeRow={activeGeoref}
            onActivate={setActiveGeoref}
            onPickPixel={pickGeorefPixel}
            mapConfig={mapConfig}
            center={draft.enterprise}
          />
        </Card>
      )}
      <Card>
        <h2 className={styles.sectionTitle}>{t('history.title')}</h2>
        <VersionHistory enterpriseId={enterpriseId} versions={versions} canApprove={false} />
      </Card>
    </>
  );
}
