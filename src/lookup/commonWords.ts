// Words too ordinary to trigger a hover on their own, lower case. A single-word alias in this list
// is never looked up, whatever its case ("Model", "DATA"), and a phrase made only of these words
// needs to be a concept title or three words long (see lookupTable.ts). Leave out words that only
// make sense as part of a term ("norm", "nucleus", "kv"): "layer norm" must stay a phrase.

// l10n-ignore: a word list for matching identifiers and prose, never shown
const ENGLISH = `
a about above across after again against all almost along already also although always am among an
and another any anything are around as at away back be because been before being below between both
but by can could did do does doing done down during each either else enough even ever every few for
from further get gets getting give given go goes going good got great had has have having he her here
him his how however i if in into is it its itself just keep kind know last least less let like made make
makes many may me might more most much must my near need needs never new next no nor not now of off
often old on once one only or other our out over own per put quite rather really right same say see
seem several she should show since so some something still such take than that the their them then
there these they thing things think this those though three through thus to too two under until up upon
us use used uses using very via vs want was way ways we well were what when where whether which while
who whom whose why will with within without would yet you your
act action actions add answer area back bad best better big bring call case cases change check come
days end even example fact first follow form full general group hand help high hold idea important
kind large left level life line lines little long look low main mean means move name names number
order part people place plan point problem question reason result right run second set short side
simple small sort start state step steps stop story system take team time times top try turn week word
words work world year years thought observation
`;

// l10n-ignore: a word list for matching identifiers and prose, never shown
const PROGRAMMING = `
api app args array assert async await base bool boolean break buffer build byte bytes callback catch
char class client code config const continue copy core count cpu cuda def default delete device dict
dim edge elif error errors event events except false fetch file files finally float format function
graph handler head helper id ids import index info init input inputs int item items json key keys lambda
len length lib list load log logs loop main map max method min module node nodes none null object open
option options output outputs package param params parse pass path paths post print private process
public queue raise range read request response return save self server shape size source spec stack
static str string switch task tasks test tests text thread throw true tuple type types undefined update
url user users util utils value values var void while write yield
`;

// l10n-ignore: a word list for matching identifiers and prose, never shown
const GENERIC_ML = `
accuracy agent agents attention batch batches bias block blocks cache caches data dataset datasets
embedding embeddings epoch epochs eval evaluation expert experts feature features gradient gradients head
heads image images label labels layer layers learning logits loss losses matrix memory metric
metrics model models network networks optimizer output pattern prediction predictions predict prompt
random rate react router routing sample samples sampling scale score scores search seed store stores
target targets temperature tensor token tokens tool tools train training trained trainer tree trees
vector vectors weight weights query queries
`;

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w.length > 0);

export const COMMON_WORDS: ReadonlySet<string> = new Set([...words(ENGLISH), ...words(PROGRAMMING), ...words(GENERIC_ML)]);
