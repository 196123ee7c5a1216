/**
 * The canvas of `<tafel-chart>`, drawn by uPlot: a line per edition over the local clock of its
 * day, or bars per bucket (horizontal, so that long region names read). The compared edition is
 * told apart by its dash pattern (and hatched bars), not by colour alone.
 */
import type { Lang } from '@tafel/schema';
import uPlot from 'uplot';
import { type ChartRows, type ChartType, formatClock } from './chart-data.ts';
import { formatNumber } from './i18n.ts';

/** The compared edition's dash pattern, for its line, its bars' outline and the legend's swatch. */
export const COMPARE_DASH = [6, 4];

export interface ChartLook {
  accent: string;
  text: string;
  grid: string;
  font: string;
}

export interface ChartSpec {
  type: ChartType;
  lang: Lang;
  rows: ChartRows;
  look: ChartLook;
  width: number;
}

const BAR_ROW = 30;
const TIMELINE_HEIGHT = 280;

/** The canvas height a chart needs: fixed for the timeline, a row per bar otherwise. */
export function chartHeight(spec: ChartSpec): number {
  return spec.type === 'timeline'
    ? TIMELINE_HEIGHT
    : Math.max(2, spec.rows.x.length) * BAR_ROW * (spec.rows.values.length > 1 ? 1.4 : 1) + 40;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** The widest of these labels in the font, in CSS pixels. */
function widest(labels: string[], font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return 100;
  measurer.font = font;
  return Math.max(0, ...labels.map((text) => measurer!.measureText(text).width));
}

/** Diagonal hatching in a colour: the compared edition's bars. */
function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

function maxOf(rows: ChartRows): number {
  return Math.max(0, ...rows.values.flat().map((v) => v ?? 0));
}

function options(spec: ChartSpec): uPlot.Options {
  const { type, lang, rows, look, width } = spec;
  const compared = rows.values.length > 1;
  const numbers = (_: uPlot, splits: number[]) => splits.map((v) => formatNumber(lang, v));
  const top = maxOf(rows);
  const valueRange: uPlot.Range.Function = () => [0, top > 0 ? top * 1.08 : 1];
  const axis = { stroke: look.text, font: look.font, grid: { stroke: look.grid, width: 1 } };
  const common = {
    width,
    height: chartHeight(spec),
    cursor: { show: false },
    legend: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
  };
  if (type === 'timeline') {
    return {
      ...common,
      scales: { x: { time: false }, y: { range: valueRange } },
      axes: [
        {
          ...axis,
          space: 56,
          incrs: [15, 30, 60, 120, 180, 240, 360, 720],
          values: (_, splits) => splits.map((v) => formatClock(lang, v)),
        },
        {
          ...axis,
          values: numbers,
          size: widest([formatNumber(lang, top)], look.font) + 18,
        },
      ],
      series: [
        {},
        { stroke: look.accent, width: 2.5, points: { show: false } },
        ...(compared
          ? [{ stroke: look.text, width: 2, dash: COMPARE_DASH, points: { show: false } }]
          : []),
      ],
    };
  }
  const labels = rows.labels;
  const bars = (align: -1 | 0 | 1) =>
    uPlot.paths.bars!({ size: [compared ? 0.42 : 0.7, 40], align, gap: 1 });
  return {
    ...common,
    scales: {
      x: { time: false, ori: 1, dir: -1, range: [-0.5, Math.max(0.5, rows.x.length - 0.5)] },
      y: { ori: 0, range: valueRange },
    },
    axes: [
      {
        ...axis,
        side: 3,
        grid: { show: false },
        ticks: { show: false },
        splits: () => rows.x,
        values: (_, splits) => splits.map((i) => labels[i] ?? ''),
        size: widest(labels, look.font) + 16,
      },
      { ...axis, side: 2, values: numbers, space: 60 },
    ],
    series: [
      {},
      {
        fill: look.accent,
        stroke: look.accent,
        width: 1,
        paths: bars(compared ? -1 : 0),
        points: { show: false },
      },
      ...(compared
        ? [
            {
              fill: hatch(look.text),
              stroke: look.text,
              width: 1.5,
              dash: COMPARE_DASH,
              paths: bars(1),
              points: { show: false },
            },
          ]
        : []),
    ],
  };
}

/**
 * A drawn chart. Each change of numbers draws it anew (a millisecond or two for a day's timeline):
 * its scales and labels follow from the numbers, and changes come a few times a second at most.
 */
export class ChartCanvas {
  #plot: uPlot | undefined;

  /** Draw `spec` into `target` in place of what was drawn; the canvas, to label it. */
  draw(target: HTMLElement, spec: ChartSpec): HTMLCanvasElement {
    this.#plot?.destroy();
    const { rows } = spec;
    this.#plot = new uPlot(options(spec), [rows.x, ...rows.values] as uPlot.AlignedData, target);
    // How many series uPlot draws: for tests and the curious.
    target.dataset['series'] = String(this.#plot.series.length - 1);
    return this.#plot.ctx.canvas;
  }

  destroy(): void {
    this.#plot?.destroy();
    this.#plot = undefined;
  }
}
