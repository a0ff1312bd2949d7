import { parse } from 'csv-parse/sync';
const text = '\ufeffa,b\r\n1,"x\ny"\r\n\r\n3,4\n5\n"unterminated,6\n';
try {
const recs = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: false });
for (const r of recs) console.log(JSON.stringify(r));
} catch (e) { console.log('ERR', e.code, e.message, e.lines, Object.keys(e)); }
const recs2 = parse('\ufeffa,b\r\n1,"x\ny"\r\n\r\n3,4\n5\n', { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: false });
for (const r of recs2) console.log(JSON.stringify(r));
