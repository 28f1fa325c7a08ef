type Schema = { [keyword: string]: unknown };

/**
 * What a new form starts with: today's date, and for an evaluation grid (a list of ratings whose
 * items name an `axis` among fixed values) one row per axis, in the grid's order, so the person
 * rates each axis instead of adding rows one by one. Everything stays editable.
 */
export function initialFormData(schema: Schema, today: string): Record<string, unknown> {
  const data: Record<string, unknown> = { occurredAt: today };
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, field] of Object.entries(properties)) {
    const axes = gridAxes(field);
    if (axes) data[name] = axes.map((axis) => ({ axis }));
  }
  return data;
}

function gridAxes(field: Schema): string[] | undefined {
  if (field.type !== 'array') return undefined;
  const items = field.items as Schema | undefined;
  const axis = (items?.properties as Record<string, Schema> | undefined)?.axis;
  const required = (items?.required as string[] | undefined) ?? [];
  if (!axis || !required.includes('axis')) return undefined;
  if (Array.isArray(axis.enum)) return axis.enum as string[];
  if (Array.isArray(axis.oneOf)) return (axis.oneOf as { const?: unknown }[]).map((o) => o.const).filter((c): c is string => typeof c === 'string');
  return undefined;
}
