/**
 * Plain-JSON descriptions of models and experiments, generated from their zod schemas at build
 * time. The page reads these (no zod in the main bundle); the worker and the CLI validate with
 * the zod schemas themselves. Same schema, two forms: a test checks they agree.
 */
import { z } from 'zod';
import { actionsOf } from './scenario';
import type { ChartSpec, ExperimentMeta, MetricMeta, ModelMeta, PresetMeta } from './types';

/** The subset of JSON Schema our params and action arguments use. */
export interface JsonField {
  type?: 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'object';
  enum?: (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: JsonField[];
  /** Arrays: each item's schema and the length limits. */
  items?: JsonField;
  minItems?: number;
  maxItems?: number;
  /** Nested objects (a `set` input's params): always strict, like every schema here. */
  properties?: Record<string, JsonField>;
  required?: string[];
  default?: unknown;
  title?: string;
  description?: string;
  unit?: string;
  step?: number;
  scale?: string;
  advanced?: boolean;
}

export interface JsonObjectSchema {
  type: 'object';
  properties: Record<string, JsonField>;
  required?: string[];
}

export interface ActionInfo {
  label: string;
  description?: string;
  args: JsonObjectSchema;
}

export interface ModelInfo {
  id: string;
  title: string;
  summary: string;
  network: boolean;
  /** The playback speed widgets start at; 1 when absent. */
  playbackSpeed?: number;
  params: JsonObjectSchema;
  /** Every action, built-ins (set, partition, heal, drop) included. */
  actions: Record<string, ActionInfo>;
  /** The model's own actions, in order, for generated buttons. */
  modelActions: string[];
  presets: PresetMeta[];
  metrics: MetricMeta[];
  experiments: string[];
}

export interface ExperimentInfo {
  id: string;
  model: string;
  title: string;
  description: string;
  params: JsonObjectSchema;
  chart: ChartSpec;
  sweep?: { param: string; values: (number | string | boolean)[] };
  summary: ExperimentMeta['summary'];
}

/** JSON Schema of a zod object, as the page and the editor see it. */
export function jsonSchemaOf(schema: z.ZodType): JsonObjectSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Partial<JsonObjectSchema> & Record<string, unknown>;
  const out: JsonObjectSchema = {
    type: 'object',
    properties: (json.properties ?? {}) as Record<string, JsonField>,
  };
  if (Array.isArray(json.required)) out.required = json.required as string[];
  return out;
}

export function modelInfo(meta: ModelMeta): ModelInfo {
  return {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    network: !!meta.network,
    ...(meta.playbackSpeed ? { playbackSpeed: meta.playbackSpeed } : {}),
    params: jsonSchemaOf(meta.params),
    actions: Object.fromEntries(
      Object.entries(actionsOf(meta)).map(([name, a]) => [
        name,
        {
          label: a.label,
          ...(a.description ? { description: a.description } : {}),
          args: jsonSchemaOf(a.args),
        },
      ]),
    ),
    modelActions: Object.keys(meta.actions),
    presets: meta.presets,
    metrics: meta.metrics,
    experiments: meta.experiments.map((e) => e.id),
  };
}

export function experimentInfo(meta: ExperimentMeta): ExperimentInfo {
  return {
    id: meta.id,
    model: meta.model,
    title: meta.title,
    description: meta.description,
    params: jsonSchemaOf(meta.params),
    chart: meta.chart,
    ...(meta.sweep ? { sweep: meta.sweep } : {}),
    summary: meta.summary,
  };
}
