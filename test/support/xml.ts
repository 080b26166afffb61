/**
 * A strict well-formedness check of an XML document (no package: the project has none for
 * XML): one root, tags that nest and close by name, quoted attributes not repeated, entity
 * references that XML knows, no stray `<` or `&`. Returns the elements by name, in document
 * order, with their attributes, so a test can count and read them; throws on the first fault.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** The element's own text (entities decoded), children's excluded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/;

function decode(text: string, where: number): string {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) throw new Error(`bad entity reference at ${where + i}`);
  }
  if (text.includes('<')) throw new Error(`stray < at ${where + text.indexOf('<')}`);
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  let roots = 0;
  let i = 0;
  const text = (until: number) => {
    const chunk = xml.slice(i, until);
    if (open.length === 0) {
      if (chunk.trim() !== '') throw new Error(`text outside the root at ${i}`);
    } else open[open.length - 1]!.text += decode(chunk, i);
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(xml.length);
      break;
    }
    text(lt);
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error(`unclosed comment at ${i}`);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const name = NAME.exec(xml.slice(i + 2))?.[0];
      const close = xml.indexOf('>', i);
      const top = open.pop();
      if (!name || !top || top.name !== name || xml.slice(i + 2 + name.length, close).trim() !== '')
        throw new Error(`mismatched </${name ?? '?'}> at ${i} (open: ${top?.name ?? 'none'})`);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(i + 1))?.[0];
    if (!name) throw new Error(`bad tag at ${i}`);
    if (open.length === 0 && roots++ > 0) throw new Error(`second root <${name}> at ${i}`);
    let j = i + 1 + name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const rest = xml.slice(j);
      const space = /^\s*/.exec(rest)![0].length;
      j += space;
      if (xml.startsWith('/>', j) || xml[j] === '>') break;
      if (space === 0) throw new Error(`attributes of <${name}> need spaces between them at ${j}`);
      const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(j));
      if (!attr) throw new Error(`bad attribute in <${name}> at ${j}`);
      if (attr[1]! in attributes) throw new Error(`repeated attribute ${attr[1]} in <${name}>`);
      attributes[attr[1]!] = decode(attr[3] ?? attr[4] ?? '', j);
      j += attr[0].length;
    }
    const element = { name, attributes, text: '' };
    elements.push(element);
    if (xml.startsWith('/>', j)) i = j + 2;
    else {
      open.push(element);
      i = j + 1;
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open[open.length - 1]!.name}>`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}
