// Initials in the discussion that are not on the board's roster: the data-quality fault the
// original minutes show ("MH raised a question" when no MH attended). A warning only.
import { looksLikeInitials } from './owners';

/**
 * Capitalised abbreviations the safeguarding minutes use that are not people. Matched
 * case-sensitively; a board member with the same initials is still recognised as a person.
 */
const NOT_PEOPLE = new Set(
  `AM PM UK EU NHS GP GPs CCG CSE CSC LAC CLA CP CPP CiN CIN IRO IROs MASH MASE SCB LSCB SSCB SAB HWB VCS CQC DfE DH NPS CRC CDOP CAMHS SLaM KCH GSTT CAIT DCI DI DS PC PCSO PPO CYPP CYP SEN SEND ICT IT HR QA KPI KPIs RAG TOR ToR MoU FGM DV DA YOS YOT ASB AOB TBC TBA ASAP FYI NB PS OK ID CEO CE MP MPs PA PAs JSNA MARAC MAPPA MACE LADO LGA ADCS OFSTED Ofsted SCR SCRs SPOC JTAI ED AandE CYPS EHA EH HV HVs SW SWs SM YP NEET EHCP PRU PSHE RSE DSL DSLs`.split(/\s+/),
);

const DETERMINERS = /\b(?:the|a|an|our|their|its|this|that|these|those|each|every|all|any|per|via|of)\s+$/i;

export interface InitialsHit {
  initials: string;
  start: number;
  end: number;
}

/**
 * The initials-like words in `text` that name nobody on the roster. `known` holds the
 * roster's initials (compared case-insensitively, as the roster keeps them unique).
 */
export function findUnknownInitials(text: string, known: Iterable<string>): InitialsHit[] {
  const roster = new Set([...known].map((k) => k.toLocaleUpperCase('en-GB')));
  const hits: InitialsHit[] = [];
  const word = /[A-Za-z][A-Za-z']*/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text)) !== null) {
    const token = m[0].replace(/'s$/, '');
    if (token.length < 2 || token.length > 5 || !looksLikeInitials(token)) continue;
    if (roster.has(token.toLocaleUpperCase('en-GB')) || NOT_PEOPLE.has(token)) continue;
    // A plural of a known abbreviation ("LSCBs", "IROs") is a thing too.
    const singular = token.endsWith('s') ? token.slice(0, -1) : null;
    if (singular && (NOT_PEOPLE.has(singular) || roster.has(singular.toLocaleUpperCase('en-GB')))) continue;
    // "the CSE strategy", "an IRO": an abbreviation after an article is a thing, not a person.
    if (DETERMINERS.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    hits.push({ initials: token, start: m.index, end: m.index + token.length });
  }
  return hits;
}
