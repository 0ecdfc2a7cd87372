/**
 * A small, complete DHR written to a temporary folder, the way a chair would keep it: case.yaml,
 * one IMR and one chronology per agency, an action plan, and the chair's own sections covering
 * every part of Templates 27 and 28, so that a publication copy can be made from it. Its IMRs
 * and the chair's text use real names of the key, which every output must replace.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { CaseInput } from '../../schemas/case.ts';
import { caseInput } from '../assemble/fixture.ts';

export const chairOverview = `# Introduction

This report examines the support given to Jane Smith before her death.

# Timescales

The review began in April 2017 and was concluded in November 2017.

# Confidentiality

The findings are confidential. The family chose the name Anna.

# Methodology

The panel read the reports of two agencies and met three times.

# Involvement of family, friends, work colleagues, neighbours and wider community

The chair met the mother of the victim twice, with an advocate.

# Contributors to the review

Two agencies wrote reports; a third gave information.

# The review panel members

The panel members were independent of the case.

# Author of the overview report

The chair has never worked for any agency in the city.

# Parallel reviews

The criminal trial informed this review.

# Equality and diversity

The panel considered the nine protected characteristics and found no barrier to services.

# Background information (the facts)

Jane lived at 12 Crookes Road with her partner and her daughter.

# Chronology

The first contact with an agency was in April 2015.

# Overview

Agencies knew of the abuse from June 2016.

# Analysis

The risk assessment on 3 June 2016 was not shared with the doctor.

# Conclusions

The abuse was known but not shared.

# Lessons to be learnt

Information must follow the victim.

# Recommendations

The partnership should review how risk assessments are shared.
`;

export const chairSummary = `# The review process

The panel followed the process set out in the guidance.

# Summary chronology

Agencies had contact with Anna from April 2015.

# Key issues arising from the review

The risk assessment was not shared.
`;

const imr = `# Introduction

The police force for the city.

# Family and household composition

Jane Smith lived with Mark Davies and their daughter Lily.

# Chronology narrative

On 3 June 2016 officers attended 12 Crookes Road after Mr Davies shouted at Jane.

# Analysis

The risk assessment was completed.

# Conclusions

Officers followed the policy.

# Recommendations

1. The force should train officers in coercive control by March 2018.
`;

const csvHeader = 'Agency,Date from,Date to,Client code,Staff code,Source of information,Event,Client seen,Action';

export const actionPlanYaml = `reference: SSCP-DHR-2017-01
recommendations:
  - id: '1'
    origin: overview
    agency: South Yorkshire Police
    recommendation: Review how risk assessments are shared with doctors.
    lead: Head of Public Protection
    measure: An audit of twenty cases.
    targetDate: 2018-06-30
    status: AMBER
`;

export interface DiskCaseOptions {
  case?: Partial<CaseInput>;
  /** Extra or replacement files, by path inside the case folder; null removes one. */
  files?: Record<string, string | null>;
}

/** Write the case to a new temporary folder; returns the folder. */
export async function writeDiskCase(options: DiskCaseOptions = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dhr-build-case-'));
  const base = caseInput({
    dates: { ...caseInput().dates, reportCompleted: '2017-11-30' },
    anonymisation: { allow: ['Police and Crime Commissioner'] },
    people: caseInput().people.map((p) => ({ ...p, dataForm: { ...p.dataForm, ethnicity: p.dataForm?.ethnicity ?? 'Any other White background' } })),
    ...options.case,
  });
  const files: Record<string, string | null> = {
    'case.yaml': stringify(base),
    'imrs/police.md': imr,
    'chronologies/police.csv': [csvHeader, 'South Yorkshire Police,01/04/2015,,Adult X,PC1,case notes,Call from Jane Smith about an argument,No,Advice given', 'South Yorkshire Police,03/06/2016,,Adult X,PC1,case notes,Attended 12 Crookes Road; Mark Davies arrested,Yes,Risk assessment completed'].join('\n'),
    'chronologies/gp.csv': [csvHeader, 'GP practice,10/01/2016,,Adult X,GP1,records,Seen by Dr Kumar with bruising,Yes,None'].join('\n'),
    'action-plan.yaml': actionPlanYaml,
    'report/overview-report.md': chairOverview,
    'report/executive-summary.md': chairSummary,
    ...options.files,
  };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    const file = path.join(dir, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  return dir;
}

/** Every file under a folder, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  await walk(dir);
  return out.sort();
}
