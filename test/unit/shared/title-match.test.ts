import { describe, expect, it } from 'vitest';
import { titleMatches } from '../../../shared/search/title-match';

const titles = ['Message: Incident update', 'Message: Initial incident notice', 'Back to the run', 'Set milestone: mitigated'];
const found = (query: string) => titles.filter((title) => titleMatches(title, query));

describe('a palette action typed after >', () => {
  it('is found by its title as the list shows it, punctuation and all', () => {
    expect(found('Message: Incident update')).toEqual(['Message: Incident update']);
    expect(found('message:')).toEqual(['Message: Incident update', 'Message: Initial incident notice']);
    expect(found(' set milestone: mit')).toEqual(['Set milestone: mitigated']);
  });

  it('matches each word typed at the start of a word of the title, in any order', () => {
    expect(found('inc up')).toEqual(['Message: Incident update']);
    expect(found('run back')).toEqual(['Back to the run']);
    expect(found('ack')).toEqual([]);
    expect(found('')).toEqual(titles);
  });
});
