/**
 * Words that ordinary sentences are full of and random passphrases ("correct horse battery
 * staple") are not: function words and the vocabulary of support tickets about passwords, in the
 * languages the sample tickets use. A multi-word "password" holding one of them is prose
 * ("password: I forgot it", "Passwort: wurde nicht akzeptiert").
 */
const WORDS = `
a an the and or but if then than so as at by for from in into of on onto to up with without about after
again against all already also always am any are aren't be been before being below above between both can
can't cannot could couldn't did didn't do does doesn't doing don't down during each either even ever every
few had hadn't has hasn't have haven't having he her here hers him his how however i i'm i've it it's its
just least less let like may me might mine more most much must my myself never no nor not now of off once
only other our ours out over own please same she should shouldn't since some still such that that's their
them there these they this those though through thus too under until very was wasn't we were weren't what
when where whether which while who whom whose why will with won't would wouldn't yet you your yours
account app attached broken change changed customer did doesn't email error expired field forgot forgotten
help issue link locked log login lost mail new old page problem received reset screen screenshot see sent
sign support team thanks thank today tried try trying update updated user username version website work
worked working works wrong yesterday incorrect invalid accepted rejected twice anymore
der die das den dem des ein eine einen einem einer und oder aber wenn dann als so wie bei für von vom in im
ins zu zum zur mit ohne über nach vor seit ich du er sie es wir ihr mein meine mich mir ist sind war wurde
wird nicht kein keine noch schon immer nie bitte danke funktioniert geht geändert vergessen falsch
el la los las un una unos unas y o pero si que como en con sin por para de del al mi mis es son fue no ya
todavía nunca siempre favor gracias funciona cambié olvidé incorrecta
le la les un une des et ou mais si que comme dans avec sans pour par de du au aux mon ma mes est sont était
ne pas plus jamais toujours merci fonctionne oublié changé
`;

export const FUNCTION_WORDS: ReadonlySet<string> = new Set(WORDS.trim().split(/\s+/));
