/**
 * Pretty JSON with syntax colours, built as DOM nodes (never HTML strings). The text is exactly
 * `JSON.stringify(value, null, 2)`, so it can be copied and parsed back.
 */

function span(className: string, text: string): HTMLSpanElement {
  const node = document.createElement('span');
  node.className = className;
  node.textContent = text;
  return node;
}

function write(out: Node[], value: unknown, indent: string): void {
  if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') {
    out.push(span('json-null', 'null'));
  } else if (typeof value === 'string') {
    out.push(span('json-string', JSON.stringify(value)));
  } else if (typeof value === 'number') {
    out.push(span('json-number', Number.isFinite(value) ? String(value) : 'null'));
  } else if (typeof value === 'boolean') {
    out.push(span('json-boolean', String(value)));
  } else if (typeof value === 'bigint') {
    out.push(span('json-number', value.toString()));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(document.createTextNode('[]'));
      return;
    }
    const inner = `${indent}  `;
    out.push(document.createTextNode('['));
    value.forEach((item, i) => {
      out.push(document.createTextNode(`\n${inner}`));
      write(out, item, inner);
      if (i < value.length - 1) out.push(document.createTextNode(','));
    });
    out.push(document.createTextNode(`\n${indent}]`));
  } else {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
    );
    if (entries.length === 0) {
      out.push(document.createTextNode('{}'));
      return;
    }
    const inner = `${indent}  `;
    out.push(document.createTextNode('{'));
    entries.forEach(([key, item], i) => {
      out.push(document.createTextNode(`\n${inner}`), span('json-key', JSON.stringify(key)), document.createTextNode(': '));
      write(out, item, inner);
      if (i < entries.length - 1) out.push(document.createTextNode(','));
    });
    out.push(document.createTextNode(`\n${indent}}`));
  }
}

/** A `<pre><code>` showing `value` as indented, coloured JSON. */
export function jsonView(value: unknown, className = 'json'): HTMLPreElement {
  const pre = document.createElement('pre');
  pre.className = className;
  const code = document.createElement('code');
  const out: Node[] = [];
  write(out, value, '');
  code.append(...out);
  pre.append(code);
  return pre;
}
