// Words that carry no topic in a query or an answer ("why does L1 give sparse weights").
export const STOP_WORDS: ReadonlySet<string> = new Set(
  // l10n-ignore: English stop words for query matching, never shown
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can cannot could did do does doing done down during each few for from further get gets give gives go had has have having he her
here hers him his how i if in into is it its itself just let lets like make makes me more most much must my no nor not now of off
on once one only or other our ours out over own same she should so some such than that the their theirs them then there these
they this those through to too under until up use used uses using very want was way we were what when where which while who whom
why will with would you your yours yourself explain describe tell walk me difference between vs versus`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
