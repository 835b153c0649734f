import type { CaseKind } from '@hotline/cases';
import type { DepartmentBehaviour } from './case-life-simulator';

/**
 * What a realistic district year looks like, as plain numbers: seasonality, the hours people call,
 * which categories, kinds and channels, and how departments behave. Tuned by eye to the shape of
 * published 12345 reports (heating complaints dominate winter; weekends and nights are quiet).
 */

/** A small, fast, seedable PRNG (mulberry32): the same seed makes the same district. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Volume by month (Jan … Dec): the Spring Festival dip, summer noise and water, the heating season. */
export const MONTH_VOLUME = [1.15, 0.8, 1.0, 0.95, 1.0, 1.05, 1.15, 1.15, 1.0, 0.95, 1.15, 1.25];
/** Days off get fewer calls than working days. */
export const DAY_OFF_VOLUME = 0.65;
/** Share of calls by hour of day. */
export const HOUR_WEIGHTS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4.2, 3.8, 2.5, 3, 3.8, 4, 3.8, 3.2, 2.4, 2, 1.8, 1.4, 0.8, 0.4,
];

/** Dalian's heating season runs from about 5 November to 5 April; complaints peak when it starts. */
export function heatingFactor(month: number, day: number): number {
  if (month === 11) return day >= 5 ? 7 : 1.5;
  if (month === 12 || month === 1) return 5;
  if (month === 2) return 3.5;
  if (month === 3) return 2;
  if (month === 4) return day <= 5 ? 1 : 0.1;
  if (month === 10) return 0.6; // pre-season pipe checks
  return 0.1;
}

export const KIND_WEIGHTS: ReadonlyArray<[CaseKind, number]> = [
  ['complaint', 45],
  ['help', 22],
  ['consultation', 20],
  ['suggestion', 6],
  ['report', 5],
  ['praise', 2],
];
export const CHANNEL_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['phone', 62],
  ['wechat', 10],
  ['app', 8],
  ['transfer12345', 8],
  ['web', 5],
  ['gridPatrol', 4],
  ['open311', 2],
  ['minxin', 1],
];
export const PRIORITY_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['normal', 95],
  ['urgent', 4.5],
  ['emergency', 0.5],
];

export function pickWeighted<T>(items: ReadonlyArray<readonly [T, number]>, random: () => number): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

/** Cumulative weights for repeated picks from a fixed list (binary search). */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];
  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [item, w] of entries) {
      if (w <= 0) continue;
      sum += w;
      this.items.push(item);
      this.cumulative.push(sum);
    }
  }
  pick(random: () => number): T {
    const r = random() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Each department's behaviour from its code: most do well, a few are slow or leave citizens unhappy,
 * so that rankings and rates differ the way real ones do.
 */
export function departmentBehaviour(code: string, seed: number): DepartmentBehaviour {
  const random = seededRandom(seed ^ [...code].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261));
  const weak = random() < 0.25;
  const spread = (lo: number, hi: number) => lo + (hi - lo) * random();
  return {
    lateAccept: weak ? spread(0.08, 0.2) : spread(0.01, 0.06),
    lateReply: weak ? spread(0.12, 0.3) : spread(0.02, 0.1),
    unsatisfied: weak ? spread(0.1, 0.22) : spread(0.02, 0.08),
    returns: weak ? spread(0.04, 0.1) : spread(0.005, 0.03),
    extensions: spread(0.01, 0.06),
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力鹏宇浩然欣怡子涵梓轩';

export function randomCaller(random: () => number): { name: string; phone: string } {
  const name =
    SURNAMES[Math.floor(random() * SURNAMES.length)] +
    GIVEN[Math.floor(random() * GIVEN.length)] +
    (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)] : '');
  const prefixes = [
    '130',
    '131',
    '132',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '158',
    '159',
    '176',
    '177',
    '180',
    '181',
    '186',
    '187',
    '188',
    '189',
    '198',
  ];
  const phone = prefixes[Math.floor(random() * prefixes.length)] + String(Math.floor(random() * 1e8)).padStart(8, '0');
  return { name, phone };
}
