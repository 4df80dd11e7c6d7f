import { cellText } from './xlsx-to-csv.js';

describe('cellText', () => {
  it('writes what the cell shows', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date('2023-01-02T00:00:00Z'))).toBe('2023-01-02');
    expect(cellText(new Date('2023-01-02T10:20:30Z'))).toBe('2023-01-02 10:20:30');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText({ text: 'link', hyperlink: 'http://x' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ other: 1 })).toBe('{"other":1}');
  });
});
