// Edge cases of json-body-expected and json-body-fences.
import { describe, expect, it } from 'vitest';
import { fix, learn, lines, messages, ranges, ruleById, selfhelp } from './helpers.js';

describe('json-body-expected', () => {
  const rule = ruleById('json-body-expected');

  it('reports a JSON type without a body at the H1, or at the body start without one', () => {
    expect(ranges(rule, selfhelp('advisorRecommendationMetadata', '# Advisor', ''))).toEqual([
      '5:1-5:10 advisorRecommendationMetadata articles need a JSON body between "---" lines after the H1',
    ]);
    expect(ranges(rule, lines('<properties selfHelpType="diagnoseAndSolve" />', 'text'))).toEqual([
      '1:47-1:47 diagnoseandsolve articles need a JSON body between "---" lines after the H1',
    ]);
  });

  it('reports each body in other types at its opening fence line', () => {
    const source = selfhelp('diagnostics', '# T', '', '---', '{ "a": 1 }', '---', '', 'Text', '', '---', '[1, 2]', '---');
    expect(ranges(rule, source)).toEqual([
      '7:1-7:4 diagnostics articles have no JSON body; the portal shows it as text',
      '13:1-13:4 diagnostics articles have no JSON body; the portal shows it as text',
    ]);
  });

  it('does not take a thematic break followed by text for a body', () => {
    expect(ranges(rule, selfhelp('generic', '# T', '', '---', '', 'Not JSON.'))).toEqual([]);
  });

  it('honours the types option and skips articles without a type and Learn articles', () => {
    const generic = selfhelp('generic', '# T', '---', '{}', '---');
    expect(messages(rule, generic, { options: { types: ['generic'] } })).toEqual([]);
    expect(messages(rule, selfhelp('supportTopicDescription', '# T'), { options: { types: ['generic'] } })).toEqual([]);
    expect(messages(rule, lines('<properties pageTitle="x" />', '# T', '---', '{}', '---'))).toEqual([]);
    expect(messages(rule, learn('# T', '---', '{}', '---'))).toEqual([]);
  });
});

describe('json-body-fences', () => {
  const rule = ruleById('json-body-fences');

  it('fixes indented, long and trailing-blank fences, opening and closing', () => {
    const source = selfhelp('problemScopingQuestions', '# T', '  ---', '{ "a": 1 }', '------  ');
    expect(ranges(rule, source)).toEqual([
      '6:1-6:6 Write the JSON body fence as a line of exactly "---"',
      '8:1-8:9 Write the JSON body fence as a line of exactly "---"',
    ]);
    expect(fix(rule, source)).toBe(selfhelp('problemScopingQuestions', '# T', '---', '{ "a": 1 }', '---'));
  });

  it('does not check the closing fence of an unclosed body', () => {
    const source = selfhelp('problemScopingQuestions', '# T', '---', '{ "a": 1 }');
    expect(ranges(rule, source)).toEqual([]);
  });

  it('reports a second body and text after the last one', () => {
    const source = selfhelp('supportTopicDescription', '# T', '---', '{}', '---', '---', '{}', '---', '', 'Trailing note.', '', 'More.');
    expect(ranges(rule, source)).toEqual([
      '9:1-9:4 A second JSON body; an article has one',
      '13:1-13:15 Text after the JSON body is ignored',
    ]);
  });

  it('allows blank lines and comments around the body, and leaves articles without an H1 to single-h1', () => {
    expect(ranges(rule, selfhelp('problemScopingQuestions', '# T', '', '<!-- generated -->', '', '---', '{}', '---', '', '<!-- end -->'))).toEqual([]);
    expect(ranges(rule, selfhelp('problemScopingQuestions', '#T', '---', '{}', '---'))).toEqual([]);
  });

  it('reports a heading between the H1 and the body', () => {
    const source = selfhelp('problemScopingQuestions', '# T', '', '## **Sign in first**', '---', '{}', '---');
    expect(ranges(rule, source)).toEqual(['7:1-7:21 Text between the H1 and the JSON body; the body must follow the H1']);
  });

  it('checks only the JSON types (or those of the option)', () => {
    const source = selfhelp('generic', '# T', 'x', '----', '{}', '---');
    expect(ranges(rule, source)).toEqual([]);
    expect(messages(rule, source, { options: { types: ['generic'] } })).toEqual([
      '6:1 Text between the H1 and the JSON body; the body must follow the H1',
      '7:1 Write the JSON body fence as a line of exactly "---"',
    ]);
  });
});
