import { useI18n } from '../i18n/i18n.js';

/** "1–50 of 312" with Previous / Next, for lists the API pages by offset (entities, persons). */
export function OffsetPager({ label, offset, shown, total, pageSize, onGo }: { label: string; offset: number; shown: number; total: number; pageSize: number; onGo: (offset: number) => void }) {
  const { t } = useI18n();
  return (
    <div className="pager">
      <span className="muted">{label}</span>
      {offset > 0 && (
        <button type="button" onClick={() => onGo(Math.max(0, offset - pageSize))}>
          {t('common.previous')}
        </button>
      )}
      {offset + shown < total && (
        <button type="button" onClick={() => onGo(offset + pageSize)}>
          {t('common.next')}
        </button>
      )}
    </div>
  );
}
