/**
 * Function words dropped before classification (en, de, es, fr): they carry no topic, and left
 * in they would crowd the "indicative terms" a rationale names. Japanese needs no list: its
 * particles fall out of character bigrams with little weight.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // English
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'just me my no not of on or our please so than that the their them then there these they this to too up us was we ' +
    'were what when where which who will with would you your yours am also any all some one very hi hello thanks thank ' +
    'regards best kind cheers dear team support lumora ' +
    // German
    'der die das den dem des ein eine einen einem einer und oder aber ich mich mir mein meine meinen meinem wir uns unser ' +
    'unsere sie ihr ihre ist sind war waren hat haben habe wird werden mit von zu zum zur im in am an auf für nicht noch ' +
    'auch bitte danke vielen dank hallo guten tag grüße viele beste freundlichen sehr geehrte damen herren es bei aus ' +
    // Spanish
    'el la los las un una unos unas y o pero yo me mi mis nos nuestro nuestra es son fue ha han he de del al en con por ' +
    'para que se lo le no sí ya muy gracias hola saludos buenos días estimado equipo un saludo cordiales ' +
    // French
    'le la les un une des et ou mais je moi mon ma mes nous notre nos vous votre vos il elle est sont été ai avons a de du ' +
    'au aux en dans avec par pour que qui ne pas plus se sa son ses ce cette merci bonjour bonsoir cordialement madame monsieur'
  ).split(' '),
);
