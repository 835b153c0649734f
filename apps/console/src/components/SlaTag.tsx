import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaView } from '../api';

const COLOURS = { normal: 'green', warning: 'orange', overdue: 'red' } as const;

/** Working minutes as "2d 3h 20m" in working days of 8 hours, the unit the policies speak in. */
export function workingDuration(minutes: number, t: (key: string, o?: Record<string, unknown>) => string): string {
  const m = Math.abs(minutes);
  const days = Math.floor(m / 480);
  const hours = Math.floor((m % 480) / 60);
  const mins = m % 60;
  const parts = [];
  if (days) parts.push(t('sla.days', { n: days }));
  if (hours) parts.push(t('sla.hours', { n: hours }));
  if (mins || parts.length === 0) parts.push(t('sla.minutes', { n: mins }));
  return parts.join(' ');
}

/** Calendar minutes as "1天 2小时 5分": a stage in minutes (emergencies) counts nights and Sundays too. */
export function calendarDuration(minutes: number, t: (key: string, o?: Record<string, unknown>) => string): string {
  const m = Math.abs(minutes);
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts = [];
  if (days) parts.push(t('sla.calendarDays', { n: days }));
  if (hours) parts.push(t('sla.hours', { n: hours }));
  if (mins || parts.length === 0) parts.push(t('sla.minutes', { n: mins }));
  return parts.join(' ');
}

/**
 * The running stage's SLA: colour by state (normal / warning / overdue) and the time left in the
 * stage's own unit: calendar time for a stage in minutes, working time otherwise.
 */
export function SlaTag({ sla }: { sla: SlaView }) {
  const { t } = useTranslation();
  if (!sla.stage) return <Tag>{t('sla.none')}</Tag>;
  // 挂起: the stage's clock is stopped; no deadline runs until it resumes.
  if (sla.suspended)
    return (
      <Tag color="default" data-sla="suspended">
        {t(`sla.stage.${sla.stage}`)} · {t('sla.suspended')}
      </Tag>
    );
  const left = sla.minutesLeft ?? sla.workingMinutesLeft;
  const duration = (minutes: number) => (sla.unit === 'minutes' ? calendarDuration(minutes, t) : workingDuration(minutes, t));
  const text =
    left === null
      ? t(`sla.state.${sla.state}`)
      : left >= 0
        ? t('sla.left', { time: duration(left) })
        : t('sla.over', { time: duration(left) });
  const source = sla.calendar && sla.calendar !== 'official' ? ` · ${t(`sla.calendar.${sla.calendar}`)}` : '';
  return (
    <Tooltip
      title={`${t(`sla.stage.${sla.stage}`)} · ${t('sla.deadline')} ${sla.deadline?.slice(0, 16).replace('T', ' ')}${source}`}
    >
      <Tag color={COLOURS[sla.state]} data-sla={sla.state}>
        {t(`sla.stage.${sla.stage}`)} · {text}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  received: 'blue',
  dispatched: 'geekblue',
  returned: 'volcano',
  accepted: 'cyan',
  awaitingLeadApproval: 'gold',
  awaitingCentreReview: 'orange',
  replied: 'purple',
  reopened: 'magenta',
  closed: 'default',
  merged: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}
