/** English function words and news boilerplate that carry no event identity. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along already also although always am among an and
another any anyone anything are around as at back be became because become been before being below
between both but by can cannot could did do does doing done down during each either else ever every
few for from further get gets got had has have having he her here hers herself him himself his how
however i if in into is it its itself just last least less like made make many may me might more most
much must my myself near neither never new next no nor not now of off often on once one only onto or
other others our ours ourselves out over own per perhaps rather re said same says say see seen several
shall she should since so some still such than that the their theirs them themselves then there these
they this those though through thus to too toward towards under until up upon us very via was we well
were what whatever when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves
mr mrs ms dr st jr
s t d ll ve m
according also amid told tells report reports reported reportedly news today yesterday tomorrow
week weeks day days year years time times monday tuesday wednesday thursday friday saturday sunday
am pm gmt utc est edt bst cet local
percent pct
able across actually ago ahead along also anyway anywhere apart around away became becomes behind
beyond certain certainly come comes coming despite does done either else elsewhere enough especially
even ever everyone everything exactly far finally followed following former formerly forward get
getting gets give given gives giving go goes going gone got gotten greater hardly hence hereby
indeed instead later latter least let lets likely little looks mainly maybe meanwhile merely
moreover mostly namely nearly nevertheless nobody none nothing now nowhere obviously okay onto
otherwise overall particularly please plus possible quite rather really regarding seem seemed seems
shall since somebody somehow someone something sometime sometimes somewhat soon still sure take
taken takes taking thereby therefore thing things though thus together toward truly twice unless
unlike upon usually various whereas whether whole within yes
video videos photo photos pics pictures watch live blog update updated updates breaking exclusive
latest click read`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
