import { useState } from 'react';
import { Alert, App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, CalendarNoticeRecord, NoticeImportResult } from '../../api';
import { useApiErrors } from '../../components/CaseActions';
import { useLoad } from '../../hooks';

/**
 * Import of the State Council's holiday notice: paste the text, read the preview (the days it changes
 * and the running deadlines it moves, nothing stored), then confirm. The API reads the notice; the
 * console only shows what it answered.
 */
export function HolidayNotices({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const showError = useApiErrors();
  const { message } = App.useApp();
  const notices = useLoad(() => api.get<CalendarNoticeRecord[]>('/calendar/notices'), []);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<NoticeImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    try {
      const result = await api.post<NoticeImportResult>(`/calendar/notices${dryRun ? '?dryRun=true' : ''}`, { text });
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setText('');
        notices.reload();
        onImported();
        void message.success(t('admin.noticeImported', { year: result.year, moved: result.movedDeadlines }));
      }
    } catch (e) {
      setPreview(null);
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const state = (working: boolean) =>
    working ? <Tag color="blue">{t('admin.workday')}</Tag> : <Tag color="red">{t('admin.dayOff')}</Tag>;

  return (
    <div data-section="holiday-notices" style={{ marginBottom: 24 }}>
      <Typography.Title level={5}>{t('admin.noticeTitle')}</Typography.Title>
      <Input.TextArea
        data-field="notice-text"
        rows={6}
        value={text}
        placeholder={t('admin.noticePlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setPreview(null);
        }}
      />
      <Space style={{ margin: '8px 0' }}>
        <Button data-action="notice-preview" disabled={!text.trim()} loading={busy} onClick={() => void send(true)}>
          {t('admin.noticePreview')}
        </Button>
        <Button data-action="notice-import" type="primary" disabled={!preview} loading={busy} onClick={() => void send(false)}>
          {t('admin.noticeConfirm')}
        </Button>
      </Space>
      {preview && (
        <div data-preview-year={preview.year}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('admin.noticeSummary', {
              year: preview.year,
              off: preview.daysOff.length,
              working: preview.workingDays.length,
              changes: preview.changes.length,
              moved: preview.movedDeadlines,
            })}
          />
          <Table
            rowKey="date"
            size="small"
            pagination={false}
            dataSource={preview.changes}
            columns={[
              { title: t('admin.date'), dataIndex: 'date' },
              { title: t('admin.noticeBefore'), render: (_, c) => state(c.before.working) },
              { title: t('admin.noticeAfter'), render: (_, c) => state(c.after.working) },
              { title: t('action.field.note'), render: (_, c) => c.after.note ?? c.before.note ?? '' },
            ]}
          />
        </div>
      )}
      <Table<CalendarNoticeRecord>
        rowKey="year"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={notices.data ?? []}
        columns={[
          { title: t('admin.noticeYear'), dataIndex: 'year' },
          { title: t('admin.noticeDays'), render: (_, n) => `${n.daysOff.length} / ${n.workingDays.length}` },
          { title: t('admin.noticeBy'), dataIndex: 'importedBy' },
          { title: t('admin.noticeAt'), dataIndex: 'importedAt' },
        ]}
      />
    </div>
  );
}
