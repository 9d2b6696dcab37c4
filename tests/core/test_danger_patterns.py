"""The danger patterns: clear danger phrasings in five languages, and none of the ordinary
questions that share their words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.core.content import PROTECTIVE_TOPICS
from bot.core.danger_patterns import FRAGMENTS, PATTERNS, PRIORITY, SIGNS, danger_by_pattern
from bot.core.keywords import fold

LANGS = ("es", "en", "fr", "ht", "pt")

# Messages written for these tests (not the training data): first and third person, short
# and long, with the typos and abbreviations people type on a phone.
POSITIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "self_harm": {
        "es": (
            "ya no quiero vivir, todo me sale mal",
            "Mejor me muero, nadie me quiere",
            "kiero morirme ya",
            "mi hermana dice que se quiere matar, que hago?",
            "estoy pensando en quitarme la vida",
            "tengo ganas de acabar con todo",
            "me voy a tirar del puente esta noche",
            "ya me canse de vivir asi",
        ),
        "en": (
            "i dont want to live anymore",
            "I want to kill myself",
            "im thinking about ending my life",
            "honestly better off dead",
            "my friend says she wants to die, what do i do",
            "after everything theres no reason to live",
            "i have pills and im gonna take them all",
        ),
        "fr": (
            "je veux plus vivre",
            "j ai envie de mourir",
            "je pense au suicide depuis des semaines",
            "je veux en finir ce soir",
            "mon frère dit qu'il veut se tuer",
            "ça sert à rien de vivre",
        ),
        "ht": (
            "m pa vle viv anko",
            "mwen vle mouri",
            "m ap panse pou m touye tèt mwen",
            "pito m mouri pase m soufri konsa",
            "frè m di li vle touye tet li",
            "m bouke viv",
        ),
        "pt": (
            "não quero mais viver",
            "quero morrer",
            "vou me matar hoje",
            "to pensando em tirar minha vida",
            "minha amiga disse que quer se matar",
            "nao aguento mais essa vida",
        ),
    },
    "medical_emergency": {
        "es": (
            "mi esposa esta dando a luz en la calle",
            "el bebe no respira ayudaaa",
            "un compa se cayo del tren y esta sangrando mucho",
            "mi hijo esta convulsionando",
            "se me rompio la fuente",
            "mi bebe de 6 meses tiene fiebre muy alta",
            "hay un señor inconsciente en la banqueta",
            "llamen una ambulancia rapido",
        ),
        "en": (
            "my wife is in labor on the street",
            "the baby isnt breathing",
            "he got stabbed and is bleeding a lot",
            "my son is having a seizure",
            "she passed out and wont wake up",
            "my water just broke",
            "call an ambulance pls",
            "my little girl has a 104 fever",
        ),
        "fr": (
            "ma femme est en train d'accoucher",
            "il ne respire plus",
            "mon bébé a beaucoup de fièvre et il se réveille pas",
            "il saigne beaucoup de la tête",
            "elle est inconsciente par terre",
            "appelez une ambulance vite",
        ),
        "ht": (
            "madanm mwen ap akouche la a",
            "pitit mwen pa respire",
            "li san konesans",
            "l ap senyen anpil",
            "dlo m kase",
            "rele anbilans vit",
        ),
        "pt": (
            "minha mulher ta dando a luz na rua",
            "o bebê não respira",
            "ele ta sangrando muito",
            "ela desmaiou e nao acorda",
            "meu filho ta tendo convulsão",
            "chama uma ambulancia rapido",
        ),
    },
    "violence": {
        "es": (
            "mi marido me golpea todos los dias",
            "me violaron en el camino a tapachula",
            "un policia me manoseo en el reten",
            "los pandilleros golpearon a mi hermano",
            "mi pareja me ahorco anoche",
            "abusaron de mi hija en el albergue",
            "me estan pegando auxilio",
        ),
        "en": (
            "my boyfriend beats me",
            "i was raped last night",
            "my husband hit me again",
            "the coyote sexually abused my sister",
            "cops beat us at the checkpoint",
            "a man groped me in the shelter",
        ),
        "fr": (
            "mon mari me frappe",
            "j'ai été violée sur la route",
            "la police m'a tabassé",
            "mon copain m a battue hier",
            "un homme m'a touchée sans mon accord",
            "le passeur a abusé de ma soeur",
        ),
        "ht": (
            "mari m bat mwen chak jou",
            "yo vyole m sou wout la",
            "polis la bat nou",
            "yon nèg manyen m san m pa dakò",
            "menaj mwen trangle m",
            "yo abize pitit fi m",
        ),
        "pt": (
            "meu marido me bate",
            "fui estuprada no caminho",
            "a policia me espancou",
            "um homem passou a mão em mim",
            "abusaram da minha filha",
            "meu namorado me enforcou",
        ),
    },
    "kidnapping": {
        "es": (
            "secuestraron a mi esposo en reynosa",
            "nos tienen encerrados en una bodega",
            "el pollero no nos deja salir y pide mas dinero",
            "me estan extorsionando por whatsapp",
            "me cobran piso en el puesto donde vendo",
            "piden rescate por mi hijo",
            "si no pagamos 2000 dolares matan a mi hermano",
        ),
        "en": (
            "they kidnapped my cousin in reynosa",
            "we are locked in a house and cant get out",
            "the smuggler wont let us leave until our families pay",
            "they have my daughter and want 5000",
            "someone is extorting my family",
            "they want ransom for my husband",
        ),
        "fr": (
            "ils ont enlevé mon fils",
            "on est enfermés dans une maison",
            "ils demandent une rançon pour ma mère",
            "le passeur nous laisse pas partir",
            "si je paye pas ils tuent mon frère",
            "je suis séquestré",
        ),
        "ht": (
            "yo kidnape frè m",
            "yo fèmen nou nan yon kay",
            "y ap mande ranson pou manman m",
            "pasè a pa kite nou soti",
            "si m pa peye y ap touye pitit mwen",
            "yo sekestre m",
        ),
        "pt": (
            "sequestraram meu irmão",
            "to trancado num quarto",
            "o coiote nao deixa a gente sair",
            "pedem resgate pela minha mae",
            "tao me extorquindo",
            "se eu nao pagar eles matam meu filho",
        ),
    },
    "threat": {
        "es": (
            "los mareros me encontraron aqui en tijuana",
            "me vienen siguiendo desde la central",
            "me amenazaron de muerte por telefono",
            "la pandilla quiere reclutar a mi hijo de 13",
            "el cartel me quiere matar",
            "saben donde estoy, me mandaron fotos de mi casa",
            "unos tipos en moto nos estan vigilando",
        ),
        "en": (
            "the gang found me here in tijuana",
            "someone is following me",
            "they threatened to kill me",
            "the cartel wants to recruit my son",
            "im being watched by some guys",
            "they know where i live",
            "they are coming for me",
        ),
        "fr": (
            "on me suit depuis la gare",
            "le gang veut me tuer",
            "j'ai reçu des menaces de mort",
            "ils savent où je suis",
            "le cartel veut recruter mon fils",
            "quelqu'un me surveille",
        ),
        "ht": (
            "gen moun k ap swiv mwen",
            "gang lan vle touye m",
            "yo voye menas lanmò ban mwen",
            "yo konn kote m ye",
            "yo vle fòse m antre nan gang lan",
            "bandi yo ap chache m pou yo touye m",
        ),
        "pt": (
            "tem alguém me seguindo",
            "a gangue quer me matar",
            "recebi ameaça de morte",
            "eles sabem onde eu to",
            "querem me obrigar a entrar na gangue",
            "to sendo seguido desde a rodoviaria",
        ),
    },
    "unaccompanied_child": {
        "es": (
            "tengo 15 años y viajo solo",
            "soy menor de edad y no tengo a nadie aqui",
            "tengo 13 y me separe de mi mama en el rio",
            "hay un niño de 8 años solo en la estacion",
            "mi sobrino de 14 años esta solo en tapachula",
            "tengo dieciseis años, ando solita",
            "me perdi de mi familia, tengo 12",
        ),
        "en": (
            "im 16 and traveling alone",
            "i'm 14 and i lost my parents",
            "im 15 and by myself",
            "there is a little girl alone at the bus station",
            "my nephew is 13 and crossing alone",
            "im a minor with no parents here",
            "unaccompanied minor here",
        ),
        "fr": (
            "j'ai 15 ans et je suis seul",
            "je suis mineur et je voyage seul",
            "j ai 14 ans j ai perdu mes parents",
            "il y a un enfant de 9 ans tout seul à la gare",
            "ma nièce a 13 ans elle est seule à tijuana",
            "jai 16 ans sans mes parents",
        ),
        "ht": (
            "m gen 15 an m poukont mwen",
            "m se minè, m pa gen pèsonn isit",
            "mwen gen 14 an m pèdi paran m",
            "gen yon timoun 9 an poukont li nan estasyon an",
            "m gen 16 an m vwayaje san paran m",
            "neve m gen 13 an li poukont li Tijuana",
        ),
        "pt": (
            "tenho 15 anos e to sozinho",
            "sou menor e nao tenho ninguem aqui",
            "tenho 14 anos e perdi meus pais",
            "tem uma menina de 10 anos sozinha na praça",
            "meu sobrinho de 13 anos ta sozinho em tijuana",
            "tenho 16 e to viajando sem meus pais",
        ),
    },
    "emergency": {
        "es": (
            "auxilio",
            "ayuda urgente",
            "me siento en peligro",
            "llamen a la policia",
            "estamos en peligro ayudenos",
            "socorro por favor",
            "nos asaltaron en el camino",
            "hay una balacera afuera",
        ),
        "en": (
            "help me please i'm scared",
            "im in danger",
            "call the police",
            "send someone please",
            "we got robbed on the bus",
            "theres shooting outside",
            "SOS help",
        ),
        "fr": (
            "au secours",
            "je suis en danger",
            "appelez la police",
            "aidez moi vite",
            "ils tirent dans la rue",
            "on s'est fait braquer",
        ),
        "ht": (
            "anmwe",
            "sekou",
            "m an danje",
            "rele lapolis",
            "m bezwen èd ijan",
            "y ap tire nan lari a",
        ),
        "pt": (
            "socorro",
            "to em perigo",
            "chama a polícia",
            "me assaltaram agora",
            "tão atirando aqui",
            "ajuda urgente",
        ),
    },
    "food": {
        "es": (
            "tengo mucha hambre",
            "no he comido en tres dias",
            "mis hijos tienen hambre",
            "no tenemos nada que comer",
            "llevo dos dias sin comer",
            "me muero de hambre",
            "el bebe llora y no tengo nada que darle",
        ),
        "en": (
            "im starving",
            "i havent eaten in 3 days",
            "my kids are hungry",
            "we have nothing to eat",
            "im so hungry",
            "my kids havent eaten since yesterday",
        ),
        "fr": (
            "j'ai faim",
            "mes enfants ont faim",
            "j'ai pas mangé depuis deux jours",
            "on a rien à manger",
            "je meurs de faim",
            "trois jours sans manger",
        ),
        "ht": (
            "m grangou",
            "timoun yo grangou anpil",
            "m poko manje depi 3 jou",
            "nou pa gen anyen pou n manje",
            "m ap mouri grangou",
            "m pa manje depi yè",
        ),
        "pt": (
            "to com fome",
            "meus filhos tão com fome",
            "não como faz dois dias",
            "a gente nao tem nada pra comer",
            "to morrendo de fome",
            "tres dias sem comer",
        ),
    },
}

# Ordinary questions and jokes that share words with danger messages: none must match.
NEGATIVES: dict[str, tuple[str, ...]] = {
    "es": (
        "el albergue da comida?",
        "mi hijo de 15 puede ir a la escuela",
        "como protege el asilo a los que huyen de las pandillas",
        "quiero trabajar",
        "me muero de risa",
        "los niños tienen hambre de aprender",
        "la fila me mata",
        "como saco el acta de nacimiento de mi bebe",
        "donde hay un doctor para un chequeo",
        "que comida puedo pasar por la frontera",
        "tengo hambre de aprender",
        "se me murio el celular",
        "quiero matar el tiempo",
        "me muero por ver a mi familia",
        "donde dan comida gratis",
        "hay comedor en tapachula?",
        "tengo 15 años, solo quiero saber si puedo estudiar",
        "viajo sola con mis tres hijos, hay albergue?",
        "tengo 2 hijos de 10 y 12 años, hay escuela?",
        "los menores pueden pedir asilo?",
        "el dif ayuda a los niños?",
        "me amenazaron en honduras, puedo pedir asilo?",
        "es peligroso cruzar el rio bravo?",
        "cuanto cobra un coyote pa pasar",
        "la migra me puede deportar?",
        "me robaron mis papeles, como saco otros",
        "recomiendame una peli de secuestros",
        "la serie de narcos es buena?",
        "ese partido estuvo para morirse",
        "mi bebe tiene poquita calentura, es normal?",
        "estoy embarazada, donde puedo dar a luz gratis?",
        "me corte la mano y se infecto",
        "cual es el sentido de la vida",
        "ya no aguanto, quiero regresar a mi pais",
        "ya me canse de esperar la cita",
        "no quiero vivir en tijuana, quiero ir a monterrey",
        "me toca ir a la comar mañana",
        "me pego la gripa",
        "quiero acabar con el tramite rapido",
        "cuanto cuesta la renta de un cuarto en tijuana",
        "ocupo leche pa mi bebe",
        "mi hija de 15 años esta conmigo, necesita vacunas",
        "me separaron de mi esposo en la estacion migratoria",
        "tengo 7 años viviendo aqui y estoy sola con mis hijos",
        "tengo 15 años y mis papas estan en el albergue conmigo",
        "los niños solo comen una vez en el albergue?",
        "tengo temblor en las manos, que sera",
        "el casero abusa de mi confianza",
        "hubo violacion de mis derechos en la estacion",
        "el refugio protege a la gente que huye de las pandillas?",
        "ayuda",
        "que hago si me asaltan en el camino",
        "como me cuido de los asaltos",
        "hay secuestros en la ruta?",
        "me da miedo que me secuestren",
        "mi esposo me pega los papeles en la pared",
        "numero de emergencia en mexico",
        "para que vivir en tijuana si hay trabajo en monterrey",
        "las armas de fuego en el albergue estan prohibidas?",
        "la renta es una ganga",
        "me tienen en lista de espera",
        "sueño con que me persiguen",
    ),
    "en": (
        "does the shelter serve food?",
        "how do children get papers",
        "how does asylum protect people who fled gangs",
        "i want to work",
        "the kids are hungry for knowledge",
        "my phone died",
        "how can i kill time here",
        "im dying to see my family",
        "how do i get a birth certificate for my baby",
        "where is a doctor for a checkup",
        "what food can i bring across the border",
        "im hungry for success",
        "lol im dying laughing",
        "that game killed me lmao",
        "recommend a kidnapping movie",
        "is narcos a good show",
        "my son is 15 can he go to school",
        "can my 16 year old work",
        "im 17 and i want to study",
        "i cant do this anymore send me back home",
        "where can i eat today",
        "my phone is dying",
        "the app is not responding",
        "cbp one wont let me schedule",
        "my family doesnt know where i am",
        "we got kicked out of the shelter",
        "help me with the app",
        "help",
        "i was threatened back home, can i get asylum",
        "if i go back they will kill me, can mexico protect me",
        "im bored to death",
        "the line is killing me",
        "my feet are bleeding from walking",
        "my baby has a little fever",
        "im pregnant where can i give birth",
        "where can i get pills for pain",
        "i want to die my hair",
        "im alone with my 3 kids, is there a shelter",
        "my daughter is 16 and wants to study nursing",
        "is it dangerous to cross the river",
        "im on the lookout for a job",
        "my family is waiting for me in houston",
        "i am next in line at comar",
        "im hiding my money in my shoe",
        "the shelter is locked up at night",
        "they have my son s birth certificate",
        "can i call the police if my boss doesnt pay me",
        "im 8 months pregnant where is the clinic",
        "is it true cartels kidnap migrants",
        "can kidnapping victims get a visa",
        "she beat me at cards",
        "i want to work in labor",
        "seizing the chance to study",
        "im drowning in paperwork",
        "my feet are on fire from walking",
        "my baby is coming next month, where is the hospital",
        "can you send someone to help me with papers tomorrow",
    ),
    "fr": (
        "le refuge donne à manger?",
        "mon fils de 15 ans peut aller à l'école?",
        "comment l'asile protège ceux qui fuient les gangs",
        "je veux travailler",
        "je suis mort de rire",
        "mon téléphone est mort",
        "comment tuer le temps ici",
        "je meurs d'envie de voir ma famille",
        "comment avoir un acte de naissance pour mon bébé",
        "où trouver un médecin pour un contrôle",
        "quelle nourriture je peux passer à la frontière",
        "j'ai faim de savoir",
        "les enfants ont faim d'apprendre",
        "où je peux accoucher gratuitement",
        "je suis enceinte, où voir un médecin",
        "je me suis coupé le doigt",
        "mon bébé a un peu de fièvre",
        "c'est quoi la comar",
        "on m'a menacé au congo, je peux demander l'asile?",
        "je peux pas retourner en haiti ils vont me tuer",
        "un film sur les enlèvements, tu connais?",
        "je suis seule avec mes deux enfants",
        "j'ai 16 ans et je veux aller à l'école",
        "le bureau est fermé?",
        "la comar répond pas à mon dossier",
        "je veux rentrer chez moi",
        "j'en peux plus d'attendre la cita",
        "la batterie va mourir",
        "on m'a volé mes papiers, comment en refaire",
        "c'est dangereux de traverser le fleuve?",
        "comment appeler ma famille",
        "je cherche du travail",
        "mes parents sont avec moi au refuge, j'ai 15 ans",
        "ou sont les urgences de l'hôpital",
        "il fait tellement chaud je meurs",
        "la file d'attente me tue",
        "la série narcos est bien?",
        "combien coûte la renta d'une chambre",
        "mon mari est avec moi, on cherche un refuge",
        "je suis fatigué de marcher",
        "mes enfants de 8 et 10 ans peuvent aller à l'école?",
        "je veux en finir avec les papiers",
        "les enlèvements sont fréquents sur la route?",
        "le café s'est renversé",
        "mes amis m'attendent à tijuana",
        "ils sont là pour aider?",
        "ils arrivent quand les papiers?",
        "je mange pas de porc",
        "il nous laisse pas entrer au refuge",
        "appeler la police ça coûte?",
        "je suis en danger de perdre mon rendez vous",
    ),
    "ht": (
        "albergue a bay manje?",
        "pitit mwen gen 15 an, eske li ka ale lekòl",
        "kijan azil pwoteje moun ki kouri kite gang",
        "m vle travay",
        "m ap mouri ri",
        "match la te touye m lol",
        "batri telefòn mwen mouri",
        "kijan pou m jwenn batistè pou bebe m",
        "kote m ka jwenn doktè pou yon chekap",
        "ki manje m ka pase nan fwontyè a",
        "timoun yo grangou pou aprann",
        "m vle retounen Ayiti",
        "kote comedor la ye",
        "kote yo bay manje gratis",
        "estrès la ap touye m",
        "frèt la ap touye nou deyò a",
        "m gen 16 an, m vle al lekòl",
        "ban m yon fim sou kidnaping",
        "m pa manje vyann",
        "batri a pral mouri, m ale",
        "biwo a fèmen jodi a?",
        "mwen pa konn kote biwo a ye",
        "eske timoun ki poukont yo ka fè retou a",
        "m pa ka kontinye wout la san kòb",
        "y ap vini demen",
        "m kache telefòn mwen nan sak la",
        "lapolis mande m papye",
        "m bezwen èd pou papye m",
        "yo vòlè dokiman m yo",
        "m gen yon ti bebe m pa gen lèt anko",
        "paran m nan albergue a avè m, m gen 14 an",
        "m se yon manman poukont mwen ak 2 pitit",
        "kijan pou m mande azil",
        "m pè travèse rivyè a",
        "ki lè klinik la louvri",
        "m ansent, kote m ka akouche",
        "manman m ap vini jwenn mwen",
        "m bouke mache",
        "m pa gen kòb pou otèl la",
        "gen travay nan Tijuana?",
        "y ap tire foto nan fèt la",
        "gen vòlè nan zòn nan?",
        "li pa vle lage telefòn nan",
        "yo vann nou manje chè",
        "m pa ka soti Meksik san papye",
        "se tou pa m nan liy lan",
        "y ap rekrite travayè nan Tijuana",
        "m bwè tout dlo a",
        "kidnaping fèt souvan sou wout la?",
        "ki nimewo ijans nan Meksik",
        "madanm mwen ansent 8 mwa, ki kote l ap akouche",
    ),
    "pt": (
        "o abrigo dá comida?",
        "meu filho de 15 pode ir pra escola",
        "como o asilo protege quem foge das gangues",
        "quero trabalhar",
        "morri de rir kkk",
        "esse jogo me matou kkk",
        "meu celular morreu",
        "quero matar o tempo",
        "to morrendo de saudade da minha familia",
        "to morrendo de vontade de ver minha familia",
        "como tirar certidão de nascimento do meu bebê",
        "onde tem medico pra checkup",
        "que comida posso levar na fronteira",
        "tenho fome de aprender",
        "indica um filme de sequestro",
        "a série narcos é boa?",
        "preciso de enfermeira",
        "to sozinha com meus dois filhos, tem abrigo?",
        "tenho 16 anos e quero estudar",
        "meu pé ta roxo e inchado",
        "o celular ta morrendo",
        "quero voltar pro meu pais",
        "nao aguento mais, me manda de volta pra casa",
        "onde fica a policia federal",
        "a barraca ta armada no abrigo",
        "onde dão comida de graça",
        "tem refeitorio em tapachula?",
        "gravida de 5 meses onde faço o pre natal",
        "meu bebe ta com um pouco de febre",
        "cortei um pouco o dedo",
        "se eu voltar pro haiti me matam, posso pedir refugio?",
        "as gangues ameaçaram minha familia, quero asilo",
        "quanto custa um coiote",
        "é perigoso atravessar o rio?",
        "meus pais tao comigo no abrigo, tenho 15 anos",
        "minha filha de 16 viaja comigo, tem escola?",
        "quero acabar com isso logo e pegar meu documento",
        "to cansado de andar",
        "a comida do abrigo ta boa",
        "tem trabalho em tijuana?",
        "meu contracheque veio errado",
        "a porta ta trancada",
        "ele ta atras de mim na fila",
        "eu sou o proximo da fila",
        "ele me seguiu no instagram",
        "o onibus passa e volta?",
        "apaguei a mensagem sem eu querer",
        "meu pai morreu de infarto ano passado",
        "o calor mexe comigo",
        "sequestro de migrantes é comum?",
        "qual o numero de emergencia no mexico",
        "a barraca ta armada",
    ),
}


@pytest.mark.parametrize(
    ("category", "lang", "message"),
    [
        (category, lang, message)
        for category, by_lang in POSITIVES.items()
        for lang, messages in by_lang.items()
        for message in messages
    ],
)
def test_danger_message_matches_its_category(category: str, lang: str, message: str) -> None:
    """A clear danger message is caught, with its category."""
    assert danger_by_pattern(message) == category, (lang, message)


@pytest.mark.parametrize(
    ("lang", "message"),
    [(lang, message) for lang, messages in NEGATIVES.items() for message in messages],
)
def test_ordinary_message_does_not_match(lang: str, message: str) -> None:
    """An ordinary question that shares words with danger messages is left to the model."""
    assert danger_by_pattern(message) is None, (lang, message)


def test_every_category_and_language_has_enough_examples() -> None:
    """Six positives per category and language, forty negatives per language."""
    assert set(POSITIVES) == set(PRIORITY)
    for by_lang in POSITIVES.values():
        assert set(by_lang) == set(LANGS)
        assert all(len(messages) >= 6 for messages in by_lang.values())
    assert set(NEGATIVES) == set(LANGS)
    assert all(len(messages) >= 40 for messages in NEGATIVES.values())


def test_categories_are_the_protective_intents() -> None:
    """The categories are the protective topics plus the general emergency."""
    assert set(PRIORITY) == set(PROTECTIVE_TOPICS) | {"emergency"}
    assert set(PATTERNS) == set(PRIORITY)
    for by_lang in PATTERNS.values():
        assert set(by_lang) == set(LANGS)
        assert all(by_lang.values())


def test_priority_decides_between_categories() -> None:
    """A message that matches several categories gets the first in priority order."""
    assert danger_by_pattern("me violaron y ya no quiero vivir") == "self_harm"
    assert danger_by_pattern("me estan pegando, auxilio") == "violence"
    assert danger_by_pattern("tengo 15 anos, viajo solo y tengo hambre") == "unaccompanied_child"


def test_films_silence_plots_but_never_a_wish_to_die() -> None:
    """A film or series talks about kidnappings; a person who wants to die is still heard."""
    assert danger_by_pattern("recomiendame una peli de secuestros") is None
    assert danger_by_pattern("ban m yon fim sou kidnaping") is None
    assert danger_by_pattern("vi una pelicula y ya no quiero vivir") == "self_harm"
    assert danger_by_pattern("no fim de semana sequestraram meu irmao") == "kidnapping"
    assert danger_by_pattern("quero dar fim a minha vida") == "self_harm"


def test_code_mixed_messages_match() -> None:
    """People mix languages; every language's patterns are tried on every message."""
    assert danger_by_pattern("honestly ya no quiero vivir, im done") == "self_harm"
    assert danger_by_pattern("tengo hambre, kote m ka manje") == "food"
    assert danger_by_pattern("soy menor, m poukont mwen la a") == "unaccompanied_child"


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "🙂🙂🙏",
        "🆘",
        "\u200b\u200b",
        "\x00\x01\x02",
        "ｈｅｌｌｏ",
        "𝓗𝓮𝓵𝓵𝓸",
        "مرحبا كيف حالك",
        "你好",
        "\ud800",
        "a" * 100_000,
        "hola " * 20_000,
    ],
)
def test_odd_input_is_none_without_error(message: str) -> None:
    """Empty, emoji-only, huge and odd Unicode input gives None, never an exception."""
    assert danger_by_pattern(message) is None


def test_only_the_first_thousand_characters_are_read() -> None:
    """A danger phrase past the first 1,000 characters is not looked at."""
    assert danger_by_pattern("ya no quiero vivir " + "x" * 2000) == "self_harm"
    assert danger_by_pattern("x " * 600 + "ya no quiero vivir") is None


def test_huge_input_is_fast() -> None:
    """Matching stays cheap on the longest messages (no catastrophic backtracking)."""
    import time

    worst = " ".join(["me", "nos", "tengo", "15", "solo", "de"] * 200)
    start = time.perf_counter()
    for _ in range(20):
        danger_by_pattern(worst)
        danger_by_pattern("a " * 50_000)
    assert time.perf_counter() - start < 5.0


# Short fragments, as people in panic or who write little type them: one to six words, often
# without a verb or a subject, with typos and abbreviations. Written for these tests.
FRAGMENT_POSITIVES: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (
        ("unaccompanied_child", "niña sola aqui"),
        ("unaccompanied_child", "nino solito en la central"),
        ("unaccompanied_child", "menor de edad sola"),
        ("unaccompanied_child", "perdí a mi hijo"),
        ("unaccompanied_child", "se me perdio mi niña"),
        ("unaccompanied_child", "mi hijo esta perdido"),
        ("unaccompanied_child", "separado de mi mama"),
        ("unaccompanied_child", "sin mis papas"),
        ("unaccompanied_child", "niño sin nadie"),
        ("unaccompanied_child", "no encuentro a mi hija"),
        ("violence", "golpeada"),
        ("violence", "me pego bien feo"),
        ("violence", "me sigue pegando"),
        ("violence", "toda moreteada"),
        ("violence", "llena de moretones"),
        ("kidnapping", "rehen"),
        ("kidnapping", "tienen a mi hijo"),
        ("kidnapping", "secuestrado en la frontera"),
        ("kidnapping", "privados de la libertad"),
        ("medical_emergency", "se desmayo"),
        ("medical_emergency", "desmayado"),
        ("medical_emergency", "quemadura grave"),
        ("medical_emergency", "se quemo el brazo"),
        ("medical_emergency", "le cayo agua hirviendo"),
        ("self_harm", "para que seguir"),
        ("self_harm", "pa q seguir"),
        ("self_harm", "ya nada vale la pena"),
        ("self_harm", "cansada de todo"),
        ("self_harm", "quisiera desaparecer"),
        ("food", "panza vacia"),
        ("food", "niños sin cenar"),
        ("food", "los niños no comieron"),
        ("food", "ni pa'l pan"),
        ("food", "sin comer desde ayer"),
        ("threat", "me estan buscando"),
        ("threat", "vigilada dia y noche"),
        ("threat", "me andan buscando"),
        ("emergency", "pelea con cuchillos afuera del albergue"),
        ("emergency", "llamen a alguien"),
        ("emergency", "sacaron un cuchillo"),
    ),
    "en": (
        ("unaccompanied_child", "child alone"),
        ("unaccompanied_child", "girl alone here"),
        ("unaccompanied_child", "lost child"),
        ("unaccompanied_child", "my son is lost"),
        ("unaccompanied_child", "separated from my mother"),
        ("unaccompanied_child", "without my parents"),
        ("unaccompanied_child", "kid with nobody"),
        ("unaccompanied_child", "my daughter is missing"),
        ("violence", "beaten"),
        ("violence", "he keeps hurting me"),
        ("violence", "all bruised"),
        ("violence", "he hit me hard"),
        ("kidnapping", "son taken hostage"),
        ("kidnapping", "they hold my child"),
        ("kidnapping", "kidnapped at the border"),
        ("kidnapping", "held captive"),
        ("medical_emergency", "fainted"),
        ("medical_emergency", "passed out"),
        ("medical_emergency", "she passed out"),
        ("medical_emergency", "bad burn"),
        ("medical_emergency", "burned his arm"),
        ("medical_emergency", "scalded with boiling water"),
        ("self_harm", "what's the point"),
        ("self_harm", "whats even the point"),
        ("self_harm", "tired of everything"),
        ("self_harm", "why even live"),
        ("food", "empty stomach"),
        ("food", "kids without dinner"),
        ("food", "children did not eat"),
        ("food", "no food since yesterday"),
        ("food", "cant even buy bread"),
        ("threat", "they are looking for me"),
        ("threat", "watched day and night"),
        ("emergency", "knife fight outside the shelter"),
        ("emergency", "man on the ground bleeding outside"),
        ("emergency", "call someone"),
    ),
    "fr": (
        ("unaccompanied_child", "enfant seul"),
        ("unaccompanied_child", "fillette toute seule"),
        ("unaccompanied_child", "perdu mon fils"),
        ("unaccompanied_child", "mon fils est perdu"),
        ("unaccompanied_child", "enfant perdu"),
        ("unaccompanied_child", "séparée de ma mère"),
        ("unaccompanied_child", "sans mes parents"),
        ("unaccompanied_child", "je trouve plus ma fille"),
        ("unaccompanied_child", "petit garçon seul ici"),
        ("violence", "battue"),
        ("violence", "il m'a tapé"),
        ("violence", "il me tape tout le temps"),
        ("violence", "couverte de bleus"),
        ("violence", "il arrête pas de me frapper"),
        ("kidnapping", "pris en otage"),
        ("kidnapping", "enlevé à la frontière"),
        ("kidnapping", "mon fils enlevé"),
        ("kidnapping", "ils retiennent ma fille"),
        ("medical_emergency", "évanoui"),
        ("medical_emergency", "elle s'est évanouie"),
        ("medical_emergency", "brûlure grave"),
        ("medical_emergency", "brûlé au bras"),
        ("medical_emergency", "ébouillanté"),
        ("medical_emergency", "tombée dans les pommes"),
        ("self_harm", "à quoi bon"),
        ("self_harm", "je veux disparaître"),
        ("self_harm", "marre de tout"),
        ("self_harm", "ça vaut plus la peine de vivre"),
        ("self_harm", "pourquoi continuer"),
        ("food", "ventre vide"),
        ("food", "enfants sans dîner"),
        ("food", "les enfants ont pas mangé"),
        ("food", "même pas de quoi manger"),
        ("food", "rien dans le ventre"),
        ("threat", "ils me cherchent"),
        ("threat", "surveillée jour et nuit"),
        ("threat", "ils sont à ma recherche"),
        ("emergency", "bagarre au couteau devant le foyer"),
        ("emergency", "un homme par terre en sang"),
        ("emergency", "appelez quelqu'un"),
    ),
    "ht": (
        ("unaccompanied_child", "timoun pou kont li"),
        ("unaccompanied_child", "tifi a pou kont li"),
        ("unaccompanied_child", "pitit mwen pèdi"),
        ("unaccompanied_child", "m pèdi pitit mwen nan mache"),
        ("unaccompanied_child", "m pa jwenn pitit mwen"),
        ("unaccompanied_child", "timoun pèdi"),
        ("unaccompanied_child", "separe ak manman m"),
        ("unaccompanied_child", "m san paran"),
        ("unaccompanied_child", "timoun san pèsonn"),
        ("violence", "li fè m mal"),
        ("violence", "li bat mwen"),
        ("violence", "li toujou ap bat mwen"),
        ("violence", "yo ban m kou"),
        ("violence", "m pran kou"),
        ("kidnapping", "yo kenbe pitit mwen"),
        ("kidnapping", "otaj"),
        ("kidnapping", "yo pran pitit mwen an otaj"),
        ("medical_emergency", "endispoze"),
        ("medical_emergency", "li tonbe endispoze"),
        ("medical_emergency", "li boule bra li"),
        ("medical_emergency", "dlo cho boule l"),
        ("medical_emergency", "pèdi konesans"),
        ("self_harm", "m pa wè pou kisa m ap viv"),
        ("self_harm", "m vle disparèt"),
        ("self_harm", "lavi a pa vo lapenn"),
        ("self_harm", "m bouke ak tout bagay"),
        ("food", "vant mwen kole"),
        ("food", "vant mwen vid"),
        ("food", "timoun yo pa manje"),
        ("food", "pa gen kòb menm pou pen"),
        ("food", "timoun yo dòmi san manje"),
        ("threat", "y ap chache m"),
        ("threat", "yo chache m toupatou"),
        ("threat", "yo veye m lajounen kou lannwit"),
        ("emergency", "batay ak kouto devan albergue a"),
        ("emergency", "yon moun atè ap senyen"),
        ("emergency", "rele yon moun vit"),
    ),
    "pt": (
        ("unaccompanied_child", "criança perdida"),
        ("unaccompanied_child", "menor sozinho"),
        ("unaccompanied_child", "miúdo sem ninguém"),
        ("unaccompanied_child", "tô sem meus pais"),
        ("unaccompanied_child", "separei da minha mãe"),
        ("unaccompanied_child", "perdi meu filho"),
        ("unaccompanied_child", "meu filho sumiu"),
        ("unaccompanied_child", "não acho minha filha"),
        ("unaccompanied_child", "menina perdida na rodoviária"),
        ("violence", "apanhei"),
        ("violence", "apanhei do meu marido"),
        ("violence", "tô toda machucada"),
        ("violence", "ele me machuca"),
        ("violence", "levei uma surra"),
        ("violence", "cheia de roxos"),
        ("kidnapping", "refém"),
        ("kidnapping", "em cativeiro"),
        ("kidnapping", "levaram meu filho"),
        ("medical_emergency", "desmaiou"),
        ("medical_emergency", "tá desacordado"),
        ("medical_emergency", "queimou o braço"),
        ("medical_emergency", "queimadura grave"),
        ("medical_emergency", "água fervendo caiu nele"),
        ("self_harm", "quero sumir"),
        ("self_harm", "não vale a pena viver"),
        ("self_harm", "não vale mais a pena"),
        ("self_harm", "cansei de tudo"),
        ("self_harm", "cansei da vida"),
        ("self_harm", "pra que continuar"),
        ("food", "barriga vazia"),
        ("food", "crianças sem jantar"),
        ("food", "as crianças não comeram"),
        ("food", "nem pro pão"),
        ("food", "dormiram com fome"),
        ("threat", "vigiada dia e noite"),
        ("threat", "estão me procurando"),
        ("emergency", "briga de faca na frente do abrigo"),
        ("emergency", "um cara caído no chão sangrando"),
        ("emergency", "chama alguém"),
    ),
}
FRAGMENT_NEGATIVES: dict[str, tuple[str, ...]] = {
    "es": (
        "donde reparten comida mañana",
        "el albergue da cena?",
        "donde compro formula para bebe",
        "perdi mi telefono",
        "perdi mis papeles",
        "para que sirve este formulario",
        "estoy muerta de cansancio",
        "me mori de risa",
        "la pastilla se toma con el estomago vacio?",
        "el albergue esta vigilado dia y noche?",
        "mi hijo perdio su mochila",
        "se me quemo la comida",
        "para que seguir esperando la cita",
        "los niños no pueden entrar a la cocina",
        "me estan buscando trabajo en el albergue",
        "casi me desmayo del calor",
        "quiero desaparecer de la lista",
        "mi hijo se perdio la clase",
        "los niños no comen carne",
        "puedo usar un cuchillo en la cocina?",
        "a que hora es la cena en el albergue",
        "se me perdio mi credencial",
        "vengan a comer",
        "me buscan en la oficina",
        "quemaduras de sol que hago",
    ),
    "en": (
        "where do they hand out food tomorrow",
        "does the shelter serve dinner",
        "where to buy baby formula",
        "lost my phone",
        "lost my papers",
        "what's the point of this form",
        "dead tired",
        "dying of laughter",
        "take it on an empty stomach?",
        "they passed out food at the church",
        "my son lost his shoes",
        "my kids lost their toys",
        "is the shelter watched day and night",
        "i almost fainted when i saw the line lol",
        "i burned the rice",
        "i fell asleep on the couch",
        "my kids did not eat the vegetables",
        "they are looking for me at the front desk for my appointment",
        "i passed out the flyers",
        "i almost fainted from the heat lol",
        "come quick the food is ready lol",
        "we have no food allergies",
        "burn cream for a small burn",
        "why live in tijuana when monterrey has jobs",
    ),
    "fr": (
        "je cherche un enfant de mon groupe pour jouer",
        "où est-ce qu'on distribue à manger demain",
        "le foyer sert le dîner?",
        "où acheter du lait pour bébé",
        "j'ai perdu mon téléphone",
        "j'ai perdu mes papiers",
        "à quoi sert ce formulaire",
        "à quoi bon ce formulaire",
        "mort de fatigue",
        "à prendre le ventre vide?",
        "le foyer est surveillé jour et nuit?",
        "mon fils a perdu ses chaussures",
        "j'ai brûlé le riz",
        "ça me tape sur les nerfs",
        "il m'a tapé sur l'épaule pour dire bonjour",
        "ils me cherchent un logement",
        "je veux disparaître de la liste",
        "mes enfants ont pas mangé de viande",
        "venez vite manger c'est prêt",
        "appelez quelqu'un de l'accueil demain",
        "ma fille est perdue dans ses devoirs",
        "pourquoi continuer la procédure si c'est refusé",
        "je suis surveillée par mon assistante sociale",
    ),
    "ht": (
        "ki kote yo bay manje demen",
        "èske albergue a bay manje aswè",
        "kote m ka achte lèt pou bebe",
        "m pèdi telefòn mwen",
        "m pèdi papye m yo",
        "pou kisa fòm sa a sèvi",
        "m mouri ri",
        "pran grenn nan ak vant vid?",
        "pitit mwen pèdi soulye li",
        "manje a boule",
        "y ap chache m pou travay la",
        "tifi a pa manje vyann",
        "sa fè m mal anpil pou ou",
        "dan an, li fè m mal",
        "m bezwen yon kouto pou koupe pen",
        "m bouke anpil",
        "y ap chache m pou randevou a",
        "vin vit manje a pare",
        "kote m ka pran kou angle",
        "li fè m mal nan kè m lè l pa rele m",
        "rele yon moun nan biwo a pou mwen demen",
        "m pèdi randevou m",
    ),
    "pt": (
        "onde vão dar comida amanhã",
        "o abrigo serve janta?",
        "onde comprar leite pro bebê",
        "perdi meu celular",
        "perdi meus documentos",
        "pra que serve esse formulário",
        "morto de cansaço",
        "chorei de rir",
        "tomar em jejum com a barriga vazia?",
        "o abrigo é vigiado dia e noite?",
        "queimou o arroz",
        "apanhei o ônibus das 8",
        "quero sumir daqui dessa fila",
        "meu filho perdeu o documento",
        "as crianças não comeram a sopa, não gostaram",
        "levei uma surra no futebol",
        "minha tia tá me procurando no abrigo",
        "tô cansado de tudo isso de papelada",
        "meu filho sumiu com o controle da tv",
        "vem rápido que a comida tá pronta",
        "chama alguém da recepção",
        "meu celular apagou do nada",
        "não comi carne hoje",
        "tá toda roxa de frio",
    ),
}

# What captors make people write, and a fight seen from the shelter door: longer messages
# that the fragment patterns also catch.
SCENES: tuple[tuple[str, str], ...] = (
    ("kidnapping", "me dejan el cel solo pa llamar a mi familia pa que paguen"),
    ("kidnapping", "un numero raro dice que mande dinero si quiero verla viva"),
    ("kidnapping", "they let me keep the phone only to call my family to pay"),
    ("kidnapping", "a strange number says send money if you want to see her alive"),
    ("kidnapping", "ils me laissent le téléphone juste pour appeler ma famille pour qu'elle paye"),
    ("kidnapping", "un numéro inconnu dit envoie l'argent si tu veux la revoir vivante"),
    ("kidnapping", "yo kite telefòn nan ban m sèlman pou m rele fanmi m pou yo peye"),
    ("kidnapping", "yon nimewo m pa konnen di voye kòb si ou vle wè l vivan"),
    ("kidnapping", "só me deixam o celular pra ligar pra minha família pagar"),
    ("kidnapping", "número estranho diz manda dinheiro se quiser ver ela viva"),
    ("emergency", "hay una pelea con cuchillos frente al albergue, llamen a alguien"),
    ("medical_emergency", "a guy got stabbed, he is on the ground in front of the shelter"),
    ("emergency", "bagarre au couteau devant le foyer, un homme par terre"),
    ("emergency", "gen batay ak kouto devan albergue a, yon nèg atè"),
    ("emergency", "briga de faca na frente do abrigo, um cara caído no chão"),
)


@pytest.mark.parametrize(
    ("lang", "category", "message"),
    [
        (lang, category, message)
        for lang, pairs in FRAGMENT_POSITIVES.items()
        for category, message in pairs
    ],
)
def test_short_fragment_matches_its_category(lang: str, category: str, message: str) -> None:
    """A danger said in a few words, without a sentence around it, is caught."""
    assert danger_by_pattern(message) == category, (lang, message)


@pytest.mark.parametrize(
    ("lang", "message"),
    [(lang, message) for lang, messages in FRAGMENT_NEGATIVES.items() for message in messages],
)
def test_short_ordinary_message_does_not_match(lang: str, message: str) -> None:
    """A short question or idiom that shares the fragments' words is left to the model."""
    assert danger_by_pattern(message) is None, (lang, message)


@pytest.mark.parametrize(("category", "message"), SCENES)
def test_captor_messages_and_fights_match(category: str, message: str) -> None:
    """Ransom calls, the phone left only to ask the family to pay, a knife fight outside."""
    assert danger_by_pattern(message) == category, message


def test_every_language_has_enough_short_fragments() -> None:
    """Ten short positives and ten tricky negatives per language, positives of a few words."""
    assert set(FRAGMENT_POSITIVES) == set(LANGS)
    assert set(FRAGMENT_NEGATIVES) == set(LANGS)
    for lang in LANGS:
        assert len(FRAGMENT_POSITIVES[lang]) >= 10, lang
        assert len(FRAGMENT_NEGATIVES[lang]) >= 10, lang
        assert {category for category, _ in FRAGMENT_POSITIVES[lang]} == set(PRIORITY), lang
        assert all(len(message.split()) <= 8 for _, message in FRAGMENT_POSITIVES[lang])


def test_fragment_patterns_are_part_of_the_net() -> None:
    """The fragment patterns are merged into PATTERNS, in every category and language."""
    for category, by_lang in FRAGMENTS.items():
        for lang, fragments in by_lang.items():
            assert set(fragments) <= set(PATTERNS[category][lang]), (category, lang)


# Danger said by its signs rather than its name (SIGNS): the body's signs, days without
# food, being followed, recognised or found here, made to carry drugs, a promise to come and
# kill, the Creole words for rape and blows, a whole-message cry for help. Written for these
# tests; every sign pattern has positives here and near misses that must not match.
SIGN_POSITIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "medical_emergency": {
        "es": (
            "vomita muy mareado desde anoche",
            "lleva todo el dia vomitando y no se puede parar",
            "mi hijo tiene diarrea y los labios secos",
            "no se despierta",
            "no la podemos despertar",
            "no ha despertado desde la mañana",
            "el bebé está ardiendo en fiebre",
            "tiene calentura y está aguadito",
            "un compa se cayó del tren",
            "la bestia le mochó la pierna",
            "se cortó con el alambre de púas",
            "tiene una herida muy profunda",
            "le dio un ataque y no reacciona bien",
            "le falta el aire",
            "hay sangre por todos lados",
        ),
        "en": (
            "been vomiting all day and so dizzy",
            "been vomiting all day cant stand up",
            "my son keeps throwing up and his lips are dry",
            "my baby has diarrhea and hasnt peed",
            "my friend is not waking up",
            "i cant wake her up",
            "my son hasnt woken up since this morning",
            "he is gasping for air",
            "her lips are turning blue",
            "he is foaming from the mouth",
            "his eyes rolled back",
            "hes shaking and foaming",
            "another seizure help",
            "there is blood everywhere",
            "she is losing a lot of blood",
            "he is bleeding from the head",
            "my baby is burning with fever and limp",
            "the baby has a fever and is so floppy",
            "my son went limp",
            "he is unresponsive",
            "my cousin fell from the train",
            "the train cut off his leg",
            "i cut my leg on the razor wire",
            "razor wire sliced his arm open",
            "deep cut on his hand and its bleeding",
        ),
        "fr": (
            "il vomit depuis ce matin et a des vertiges",
            "il vomit depuis hier et tient plus debout",
            "on arrive pas à le réveiller",
            "il se réveille pas",
            "bébé brûlant de fièvre",
            "mon fils a de la fièvre et il est tout mou",
            "il est tombé du train",
            "le barbelé lui a ouvert la jambe",
            "coupure profonde au bras",
        ),
        "ht": (
            "pitit mwen ap vomi depi maten tèt li ap vire",
            "m fin vomi tout jounen an m pa ka kanpe",
            "li gen dyare bouch li sech",
            "li pa reveye",
            "m pa ka reveye l",
            "li pa ka pran souf",
            "pitit la fè kriz",
            "kim nan bouch li",
            "malkadi pran li",
            "san ap koule anpil",
            "madanm mwen ap pèdi san",
            "bebe a gen lafyèv li mou",
            "bebe a cho kou dife",
            "li tonbe soti sou tren an",
            "tren an koupe janm li",
            "fil barbele a koupe janm li",
            "blesi a fon",
        ),
        "pt": (
            "ele vomita sem parar e tá tonto",
            "vomitando o dia todo e não consegue ficar de pé",
            "bebê ardendo em febre",
            "meu filho tá com febre e molinho",
            "ele não acorda",
            "tá espumando pela boca",
            "caiu do trem",
            "cortei no arame farpado",
            "ferida profunda",
        ),
    },
    "violence": {
        "ht": (
            "yo fè m kadejak",
            "yo te fè m kadejak yè swa",
            "fè kadejak sou mwen",
            "li kadejake m",
            "yo fè m kadejak, m bezwen pwoteksyon",
            "li fòse m kouche avè l",
            "yo pran m pa fòs",
            "yo koupe m ak manchèt",
            "neg yo frape tèt li ak baton",
            "yo koupe bra l ak manchèt",
            "li ban m yon kalòt",
            "yo ban m kout manchèt",
            "y ap bat mwen",
        ),
    },
    "threat": {
        "es": (
            "vi a uno de ellos afuera del albergue",
            "vi al tipo que me amenazó",
            "me encontraron aquí",
            "los de quienes huí están aquí",
            "me reconocieron y me están vigilando",
            "me obligan a pasar droga",
            "quieren que cruce droga",
            "me usan de burrero",
            "mi ex publicó que me va a matar",
        ),
        "en": (
            "a man followed me from the market",
            "a black truck keeps circling",
            "the same car keeps driving by the shelter",
            "a man keeps watching me",
            "a guy is standing outside watching me",
            "they are waiting for me outside",
            "the people i ran from found me here",
            "the people i fled found me here",
            "my ex found me",
            "they found me here",
            "i was recognized by a gang member",
            "someone recognized me and took pictures",
            "a guy from the gang saw me at the bus station",
            "i saw one of them outside the shelter",
            "i saw the guy who threatened me",
            "the cartel is forcing me to carry drugs",
            "they are forcing me to move packages",
            "they want to use me as a mule",
            "if i dont carry their packages they will hurt my kids",
            "i have to carry their packages across or they hurt my mom",
            "my ex keeps posting that he will finish me",
            "he said he will come for me",
            "my ex said he will find me and kill me",
            "he posted my location",
            "he sent me a photo of a gun",
            "they know im here",
        ),
        "fr": (
            "j'ai vu un d'entre eux devant le foyer",
            "ceux que j'ai fui sont ici",
            "ils me forcent à transporter de la drogue",
            "il va venir me tuer",
        ),
        "ht": (
            "m wè youn devan abri a",
            "m we youn nan yo devan albergue a",
            "m wè nèg ki te menase m nan",
            "moun mwen te kouri kite yo jwenn mwen isit la",
            "moun ki t ap chache m yo jwenn mwen",
            "yo rekonèt mwen",
            "yon nèg swiv mwen",
            "gen nèg k ap gade m deyò a",
            "katèl la vle m pote dwòg",
            "yo fòse m pote pake",
            "si m pa pote pake a y ap touye fanmi m",
            "ex mwen ekri li pral vin touye m",
        ),
        "pt": (
            "vi um deles na frente do abrigo",
            "me obrigam a levar droga",
            "ele vai vir me matar",
        ),
    },
    "emergency": {
        "es": ("ayuda por favor", "por favor ayúdenme", "ayúdame porfa", "socorro por favor"),
        "en": (
            "help please",
            "please help me",
            "help me pls",
            "someone help",
            "helppp",
            "send help",
            "call the police please",
        ),
        "fr": ("aidez moi svp", "svp aidez moi", "aide moi svp", "aide s'il vous plaît"),
        "ht": ("èd tanpri", "tanpri ede m", "ede m souple", "anmwe tanpri"),
        "pt": ("me ajuda por favor", "por favor me ajuda", "ajuda por favor"),
    },
    "food": {
        "es": (
            "solo hemos tomado agua desde el martes",
            "no hemos probado bocado",
            "hace dos días que no comemos",
            "se acabó la leche del bebé",
        ),
        "en": (
            "we only had water since tuesday",
            "last time we ate was 2 days ago",
            "we havent had anything to eat since yesterday",
            "no food for 3 days",
            "kids crying because they are hungry",
            "my kids are going hungry",
            "we ran out of formula",
            "my milk dried up",
            "i have nothing to feed my kids",
            "i dont eat so my kids can eat",
        ),
        "fr": (
            "on a que de l'eau depuis mardi",
            "rien à leur donner à manger",
            "ça fait deux jours qu'on a pas mangé",
            "le bébé a plus de lait",
        ),
        "ht": (
            "depi twa jou m pa mete anyen nan bouch mwen",
            "depi yè timoun yo poko manje",
            "m pa jwenn anyen pou m manje",
            "se dlo sèlman nou bwè depi madi",
            "bebe a pa gen lèt depi yè",
            "tete m pa bay lèt",
        ),
        "pt": (
            "só tomamos água desde terça",
            "faz dois dias que a gente não come",
            "acabou o leite do bebê",
        ),
    },
}
# Near misses: the same words in an ordinary question, a joke, an asylum question, a follower.
SIGN_NEGATIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "medical_emergency": {
        "es": (
            "mi hijo vomita desde anoche, hay farmacia?",
            "es normal vomitar y marearse en el embarazo",
            "mi hijo no se despierta temprano",
            "donde tomo el tren",
            "compré alambre de púas",
            "me dio un ataque de risa",
            "tiene poquita calentura",
        ),
        "en": (
            "i threw up once this morning, where is the pharmacy",
            "i vomited once and felt dizzy",
            "my son is not waking up early for school",
            "i cant wake him up for school lol",
            "i cant catch my breath after the stairs lol",
            "my son has seizures, where can i get his medicine",
            "how do i check my blood sugar",
            "my son has a limp since he fell",
            "the app is unresponsive",
            "i fell asleep on the train",
            "is there razor wire on the border wall",
            "im dying lol",
            "im dying of laughter",
        ),
        "fr": (
            "c'est normal de vomir quand on est enceinte",
            "il se réveille pas avant 10h",
            "où prendre le train",
            "j'ai acheté du fil barbelé",
        ),
        "ht": (
            "m vomi yon fwa, kote famasi a",
            "m pa t reveye bonè",
            "lari a cho kou dife jodi a",
            "m pran tren an pou m ale",
            "m bezwen koupe cheve m fon",
            "li fè kriz paske li pa jwenn bonbon",
            "match la tèlman bon m ap mouri ri lol",
        ),
        "pt": (
            "vomitei uma vez, onde tem farmácia",
            "onde pego o trem",
            "to morrendo kkkk",
            "comprei arame farpado",
        ),
    },
    "violence": {
        "ht": (
            "kisa pou m fè si yo te fè m kadejak nan peyi m, èske m ka mande azil",
            "yo te vyole m nan peyi m, èske m ka mande azil",
            "kisa kadejak ye",
            "kijan pou m pwoteje pitit fi m kont kadejak",
            "pran pen an koupe l ak kouto",
            "m koupe m ak kouto a pandan m t ap kwit manje",
            "ban m yon kout men",
            "m bat ze yo ak yon fouchèt",
        ),
    },
    "threat": {
        "es": (
            "mi mamá me va a matar si pierdo el celular",
            "me encontraron trabajo aquí",
            "unos chavos quieren vender droga en el albergue?",
            "trabajo como burro todo el día",
            "vi a uno de mis amigos en la fila",
        ),
        "en": (
            "he's following my instagram",
            "he followed me on instagram",
            "he s following me on instagram",
            "i followed the instructions",
            "the bus keeps passing by without stopping",
            "my kids are watching me cook",
            "my husband found me a job",
            "they found me a lawyer",
            "my uncle is waiting for me outside",
            "someone from my town is here at the shelter",
            "i was recognized as a refugee",
            "my boss wants me to deliver packages",
            "my mom is gonna kill me lol",
            "this heat is killing me lol",
            "i sent my location to my mom",
            "my family knows im here",
            "if i go back they will kill me",
            "can i get asylum, gangs threatened me",
        ),
        "fr": (
            "mon cousin va venir me chercher",
            "j'ai vu un de mes amis au foyer",
        ),
        "ht": (
            "m we yon machin devan biwo a",
            "m we de moun devan biwo a",
            "zanmi m yo jwenn mwen isit",
            "manman m ap vini jwenn mwen",
            "yo rekonèt mwen kòm refijye",
            "yo swiv mwen sou facebook",
            "yo mande m pote pake a ba li",
            "li fini ak mwen",
        ),
        "pt": (
            "ele vai vir me buscar",
            "vi um amigo meu no abrigo",
        ),
    },
    "emergency": {
        "es": ("ayuda", "ayuda porfa", "ayuda con mis papeles", "ayuda por favor con mi cita"),
        "en": (
            "help",
            "help pls",
            "help me",
            "can you help me with asylum",
            "help me find a shelter",
            "please help me with my papers",
            "help please what documents do i need",
        ),
        "fr": ("aide", "aide svp", "aidez moi svp pour le rendez vous"),
        "ht": ("ede m", "tanpri ede m jwenn yon abri", "m bezwen èd pou papye m"),
        "pt": ("ajuda pfv", "me ajuda", "me ajuda por favor com o documento"),
    },
    "food": {
        "es": ("a qué hora dan la cena", "solo tomo agua con la comida", "dónde compro fórmula"),
        "en": (
            "where can i get food",
            "does the shelter serve breakfast",
            "what time is dinner",
            "how do i get food stamps",
            "where do they hand out food",
            "my kids are hungry for knowledge lol",
            "i only drink water",
            "what does DIF do for kids",
            "we ran out of milk at the shelter",
            "i cant feed my baby formula, she is allergic",
        ),
        "fr": ("à quelle heure est le dîner", "je bois que de l'eau gazeuse"),
        "ht": (
            "m gen yon ti bebe m pa gen lèt anko",
            "kote yo bay manje",
            "m pa mete sèl nan manje a",
            "ki lè yo bay dine",
        ),
        "pt": ("que horas é o jantar", "só bebo água com gás"),
    },
}


# Round six: a relative gone and calls asking money, strangling, "took me when I did not
# want", breath that will not come, the last meal counted in days.
SIGN_POSITIVES["kidnapping"] = {
    "en": (
        "my cousin went missing in tapachula and now men keep calling my aunt asking 3000 dollars",
        "my brother disappeared yesterday, someone texted his wife demanding ransom",
    ),
    "es": ("mi hermano desaparecio ayer y ahora llaman a mi mama pidiendo 5000 dolares",),
    "fr": ("mon frere a disparu a tapachula et des gens appellent ma mere pour 2000 dollars",),
    "ht": (
        "fre m disparet depi yè, gen moun k ap rele manman m mande 3000 dola",
        "pitit mwen monte nan yon machin, depi lè sa y ap rele m mande lajan",
    ),
    "pt": ("meu irmao sumiu e agora ligam pra minha mae pedindo 2000 dolares",),
}
SIGN_NEGATIVES["kidnapping"] = {
    "en": (
        "my phone disappeared and the store is calling asking 200 dollars for a new one",
        "my mom keeps calling asking for money, she is missing me",
    ),
    "es": ("se me desaparecio el telefono y la tienda me llama pidiendo 500 pesos",),
    "fr": ("mon telephone a disparu, ma mere m'appelle pour de l'argent",),
    "ht": ("telefon mwen disparet, manman m ap rele m mande kob pou lekol",),
    "pt": ("meu celular sumiu e a loja ta ligando pedindo 300 reais",),
}
SIGN_POSITIVES["violence"]["ht"] += (
    "menaj mwen toufe m jis m prèske tonbe",
    "gen nèg ki pran m san m pa vle bò ray tren an",
)
SIGN_NEGATIVES["violence"]["ht"] += ("chalè a toufe m", "m pran machin nan san m pa vle")
SIGN_POSITIVES["medical_emergency"]["pt"] += ("minha filha nao consegue respirar, ta roxa",)
SIGN_NEGATIVES["medical_emergency"]["pt"] += ("nao consigo respirar de tanto rir kkkk",)
SIGN_POSITIVES["food"]["en"] += ("last time we ate was on saturday, the kids are weak",)
SIGN_NEGATIVES["food"]["en"] += ("the last time i went to the clinic was on monday",)
SIGN_POSITIVES["self_harm"] = {
    "fr": ("je me blesse expres", "jai garde des comprimes pour le jour ou je pourrai plus"),
    "ht": ("m blese tèt mwen ankò",),
    "en": ("i saved pills for the day i cant take it anymore",),
    "pt": ("eu me corto quando fico sozinha",),
}
SIGN_NEGATIVES["self_harm"] = {
    "fr": ("je me coupe en cuisinant", "je garde des medicaments pour le voyage"),
    "ht": ("m blese tèt mwen ak kouto nan kizin",),
    "en": ("i keep pills for my blood pressure",),
    "pt": ("eu me corto cozinhando as vezes",),
}
SIGN_POSITIVES["kidnapping"]["fr"] += (
    "le passeur veut pas nous laisser partir tant que la famille paie pas",
    "le coyote dit personne sort avant que la famille envoie plus dargent",
)
SIGN_NEGATIVES["kidnapping"]["fr"] += ("on peut partir quand on veut, on paie le bus demain",)
SIGN_POSITIVES["emergency"]["ht"] += ("voye yon moun souple m pè",)
SIGN_NEGATIVES["emergency"]["ht"] += ("voye yon moun vin chache m nan ayewopò a tanpri",)
SIGN_POSITIVES["emergency"]["pt"] += ("manda alguem pfv to com medo",)
SIGN_NEGATIVES["emergency"]["pt"] += ("manda alguem me buscar no aeroporto por favor",)
# Round seven: the means at hand, a last message, "rather die than go back", self-killing
# verbs in a deportation sentence; calls from a missing person's phone; bread and water.
SIGN_POSITIVES["self_harm"]["es"] = (
    "ya tengo el mecate listo",
    "si me deportan me mato",
    "prefiero morirme que regresar a honduras",
    "es mi ultimo mensaje, cuiden a mis hijos",
    "gracias por todo y perdonenme",
)
SIGN_POSITIVES["self_harm"]["en"] += (
    "i have a razor blade and i keep looking at it",
    "if they deport me i will kill myself",
    "id rather die than go back to el salvador",
    "this is my last text, tell my mom i love her",
    "thank you for everything, goodbye forever",
    "nobody will miss me if im gone",
)
SIGN_POSITIVES["self_harm"]["fr"] += (
    "jai une lame de rasoir et je la regarde",
    "je prefere mourir que rentrer au pays",
    "cest mon dernier message merci pour tout",
    "je vais me tuer ce soir",
    "personne va me chercher si je disparais pour de bon",
)
SIGN_POSITIVES["self_harm"]["ht"] += (
    "m gen yon jilèt m ap gade l tout tan",
    "m pito mouri pase m tounen ayiti",
    "se denye mesaj mwen, mesi pou tout",
    "m pral touye tèt mwen",
    "pa gen moun k ap chèche m si m disparèt",
)
SIGN_POSITIVES["self_harm"]["pt"] += (
    "prefiro morrer do que voltar pra angola",
    "essa e minha ultima msg orem pelos meus filhos",
    "vou me matar hoje",
    "comprei chumbinho e ta escondido",
    "ninguem vai sentir minha falta",
)
SIGN_NEGATIVES["self_harm"]["es"] = (
    "me mato de risa con este video",
    "me mato trabajando toda la semana",
    "mi ultimo mensaje no llego?",
    "gracias por todo, ya encontre el albergue",
    "tengo las pastillas listas para la presion",
)
SIGN_NEGATIVES["self_harm"]["en"] += (
    "this is my last message for today, battery dying",
    "thank you for everything you do",
    "i have a blade ready to shave",
    "the last message i sent you, thanks",
)
SIGN_NEGATIVES["self_harm"]["fr"] += ("le dernier message que vous avez envoye",)
SIGN_NEGATIVES["self_harm"]["ht"] += ("mesi pou tout, m jwenn abri a",)
SIGN_NEGATIVES["self_harm"]["pt"] += (
    "ultima mensagem que vc mandou nao chegou",
    "me matar de rir kkk",
    "comprei chumbinho pros ratos da cozinha",
)
SIGN_POSITIVES["kidnapping"]["en"] += (
    "my husband went to juarez 3 days ago and now they call me from his phone asking 5000",
)
SIGN_POSITIVES["kidnapping"]["es"] += (
    "mi esposo se fue hace 4 dias y me llaman desde su celular pidiendo 3000 dolares",
)
SIGN_POSITIVES["kidnapping"]["fr"] += (
    "mon mari est parti depuis 4 jours et des gens mappellent avec son tel pour demander"
    " de largent",
)
SIGN_POSITIVES["kidnapping"]["ht"] += (
    "mari m al travay sa fè 4 jou, gen moun k ap rele m ak telefòn li pou mande lajan",
)
SIGN_POSITIVES["kidnapping"]["pt"] += (
    "meu marido foi pra tijuana faz 4 dias e tao ligando do celular dele pedindo dinheiro",
)
SIGN_NEGATIVES["kidnapping"]["en"] += (
    "my brother called me from his phone asking me to send money for the bus",
    "call me from his phone to ask about the bus money",
)
SIGN_NEGATIVES["kidnapping"]["es"] += ("mi hermano me llamo de su celular pidiendo para el pasaje",)
SIGN_POSITIVES["food"]["fr"] += ("je survis avec de leau et du pain depuis la semaine derniere",)
SIGN_POSITIVES["food"]["es"] += ("sobrevivimos con puro pan y agua desde el lunes",)
SIGN_POSITIVES["food"]["ht"] += ("n ap siviv ak dlo sèlman depi yè",)
SIGN_POSITIVES["food"]["pt"] += ("to sobrevivendo so com agua faz tres dias",)
SIGN_POSITIVES["food"]["en"] += ("we are surviving on water only since sunday",)
SIGN_NEGATIVES["food"]["fr"] += ("ce film de survie sur l'eau est genial",)
SIGN_POSITIVES["medical_emergency"]["ht"] += (
    "tonton m tonbe nan chantye a, fè twò cho, l ap di bagay ki pa fè sans",
)
SIGN_POSITIVES["medical_emergency"]["es"] += ("mi papa dice cosas sin sentido, el calor lo tumbo",)
SIGN_POSITIVES["medical_emergency"]["en"] += ("hes talking nonsense after hours in the sun",)
SIGN_POSITIVES["medical_emergency"]["fr"] += ("il dit des choses bizarres avec cette fievre",)
SIGN_POSITIVES["medical_emergency"]["pt"] += ("ela ta delirando de febre",)
SIGN_NEGATIVES["medical_emergency"]["en"] += ("im confused about the heat map on this app",)
# Round eight: "I am not safe" and pleas said twice; pre-eclampsia, an infected wound, blood in
# the stool with fever, no insulin, a pressure far too high; hanging, nobody to mourn, a train,
# a last message with a blessing; sex forced to pay a debt, passports taken, a boss who beats,
# a man who touches a child; a threat against reporting, "he will find me", a "wanted" photo;
# children sleeping outside with no adult, a child who does not know where the family is.
ROUND_EIGHT_POSITIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "emergency": {
        "es": (
            "no estoy a salvo aquí, ayúdenme",
            "ya no me siento segura en este albergue",
            "necesito ayuda por favor rápido",
            "alguien que me ayude, tengo mucho miedo",
            "por favor alguien que me ayude",
            "acudan por favor",
            "que alguien acuda, auxilio",
            "no me siento segura con él aquí",
            "aquí no estamos seguros",
        ),
        "en": (
            "im not safe here",
            "i dont feel safe in this shelter anymore",
            "its not safe here for me and my kids",
            "we need help fast please",
            "i need help please please",
            "we are not safe in this place",
        ),
        "fr": (
            "je ne suis pas en sécurité ici",
            "on est plus en securite dans ce foyer",
            "j'ai besoin d'aide mtn",
            "j ai besoin d aide svp vite",
            "que quelqu'un m'aide svp j'ai peur",
        ),
        "ht": (
            "m pa an sekirite la a",
            "mwen pa santi m an sekirite nan kay sa a",
            "tanpri tanpri yon moun ede m",
            "yon moun ede m souple m pè",
            "m bezwen sekou vit tanpri",
        ),
        "pt": (
            "nao estou segura aqui",
            "não me sinto segura nesse abrigo",
            "ajuda pfvr pfvr",
            "me ajudem por favor rapido",
            "me acudam",
            "alguém me acuda",
        ),
    },
    "medical_emergency": {
        "es": (
            "estoy embarazada de 7 meses y tengo un dolor de cabeza muy fuerte y no veo bien",
            "mi esposa está embarazada y se le hinchó la cara de repente",
            "la herida de mi pie tiene pus y tengo fiebre",
            "la cortada tiene rayas rojas que suben por la pierna",
            "la herida se está poniendo negra",
            "mi niño tiene diarrea con sangre y fiebre",
            "soy diabético, llevo 4 días sin insulina y estoy muy mareado",
            "mi mamá tiene la presión en 22 por 14 y le duele mucho la cabeza",
            "presion 190/120 y vomito",
        ),
        "en": (
            "im 8 months pregnant and have a terrible headache and blurry vision",
            "my wife is pregnant and her face and hands are very swollen",
            "my cut has pus and i have chills",
            "there are red streaks going up my arm from the wound",
            "the wound on his foot is turning black",
            "my son has bloody diarrhea and a fever",
            "im diabetic and have been without insulin for 5 days, so dizzy",
            "my dad's blood pressure is 200 over 120 and he has a headache",
            "i ran out of insulin 2 days ago and feel weak and dizzy",
        ),
        "fr": (
            "je suis enceinte de 8 mois, j'ai très mal à la tête et je vois flou",
            "ma plaie a du pus et j'ai de la fièvre",
            "la blessure a des traînées rouges qui montent",
            "mon fils a la diarrhée avec du sang et de la fièvre",
            "je suis diabétique, sans insuline depuis 4 jours, j'ai des vertiges",
            "ma tension est à 20/12 et j'ai mal à la tête",
        ),
        "ht": (
            "mwen ansent, tèt mwen fè m mal anpil epi m pa ka wè byen",
            "blesi nan pye m gen pi e m gen lafyèv",
            "maleng lan ap vin nwa",
            "pitit mwen gen dyare ak san epi li gen lafyèv",
            "m se dyabetik, m pa gen ensilin depi 4 jou, tèt mwen ap vire",
            "tansyon manman m 22 sou 14, tèt li fè l mal",
        ),
        "pt": (
            "to grávida de 7 meses com dor de cabeça muito forte e vista embaçada",
            "a ferida ta com pus e to com febre",
            "a ferida ta ficando preta",
            "meu filho ta com diarreia com sangue e febre",
            "sou diabético, to sem insulina faz 3 dias e to com tontura",
            "minha pressão ta 22 por 14 e to com dor de cabeça",
        ),
    },
    "self_harm": {
        "es": (
            "me voy a colgar esta noche",
            "ya no aguanto, me pendo",
            "nadie me va a llorar",
            "a nadie le va a importar si me muero",
            "estoy pensando en aventarme al tren",
            "me voy a acostar en las vías del tren",
            "es mi último mensaje, que Dios los bendiga",
        ),
        "en": (
            "thinking about hanging myself",
            "i put a rope around my neck",
            "nobody will cry for me",
            "thinking about jumping in front of the train",
            "this is my last message, god bless you all",
            "no one will mourn me",
        ),
        "fr": (
            "je vais me pendre ce soir",
            "personne va me pleurer",
            "j'ai envie de me jeter sous le train",
            "c'est mon dernier message, que Dieu vous bénisse",
        ),
        "ht": (
            "m ap pann kò m",
            "pesonn p ap kriye pou mwen",
            "m ap panse pou m sote sou yon tren",
            "se denye mesaj mwen, Bondye beni nou",
        ),
        "pt": (
            "me enforco hoje",
            "ninguém vai chorar por mim",
            "penso em me jogar na frente do trem",
            "essa é minha última mensagem, fiquem com Deus",
        ),
    },
    "violence": {
        "es": (
            "me obliga a ir con hombres para pagar la deuda",
            "nos ponen a fichar con los clientes",
            "nos quitaron los pasaportes y nos obligan a trabajar sin paga",
            "el capataz les pega a los trabajadores",
            "el patrón nos golpea con un palo",
            "el tío le hace cosas a mi hija de 9",
            "mi padrastro toca a mi niña",
        ),
        "en": (
            "the lady forces us to sleep with men to pay the debt",
            "they took our passports and make us work without pay",
            "the boss hits us with a stick",
            "my uncle is touching my little girl",
            "the coyote makes us sleep with men to pay for the trip",
        ),
        "fr": (
            "la dame m'oblige à aller avec des hommes le soir",
            "ils ont pris nos passeports et on doit rembourser la dette",
            "le patron nous frappe",
            "mon oncle touche ma fille",
        ),
        "ht": (
            "yo voye gason sou nou chak swa",
            "yo pran paspo nou, yo fose nou travay",
            "patwon an bat nou ak baton",
            "tonton an ap fè pitit fi m bagay",
        ),
        "pt": (
            "obrigam a gente a fazer programa, tiraram nossos passaportes",
            "tiraram nossos passaportes e obrigam a gente a trabalhar",
            "o patrão bate nos trabalhadores",
            "o tio mexe com minha filha",
        ),
    },
    "threat": {
        "es": (
            "si denuncio al coyote dice que va a matar a mi mamá",
            "mi ex me va a encontrar, dicen que ya está en México",
            "pusieron mi foto en facebook con 'se busca' y la dirección del albergue",
        ),
        "en": (
            "if i report the smuggler he says he will kill my mother",
            "my ex will find me, someone said he is already in mexico",
            "they posted my photo online saying wanted with the shelter address",
            "if i go to the police they will kill me",
        ),
        "fr": (
            "si je le dénonce il va tuer ma famille",
            "mon ex va me trouver, on m'a dit qu'il est déjà au Mexique",
            "ils ont publié ma photo avec recherché et l'adresse du foyer",
        ),
        "ht": (
            "si m denonse li, li di l ap touye pitit mwen",
            "ex mari m ap jwenn mwen, yo di m li deja nan Meksik",
            "yo mete foto m sou facebook ak 'wanted' epi adrès albergue a",
        ),
        "pt": (
            "se eu denunciar ele disse que vai matar minha família",
            "meu ex vai me achar, disseram que ele já tá no México",
            "postaram minha foto com procura-se e o endereço do abrigo",
        ),
    },
    "unaccompanied_child": {
        "es": (
            "hay niños durmiendo debajo del puente sin ningún adulto",
            "tengo 14 años y no sé dónde está mi familia",
            "los niños duermen en la calle solitos",
        ),
        "en": (
            "kids sleeping in the street no grown ups around",
            "im 15 and i dont know where my family is",
        ),
        "fr": (
            "des enfants dorment sous le pont sans aucun adulte",
            "j'ai 13 ans et je sais pas où est ma famille",
            "j'ai 15 ans et je retrouve plus mes parents",
        ),
        "ht": (
            "gen timoun k ap dòmi nan lari san granmoun avè yo",
            "mwen gen 13 an m pa konn ki kote fanmi m ye",
        ),
        "pt": (
            "tem crianças dormindo debaixo da ponte sem nenhum adulto",
            "tenho 14 anos e não sei onde tá minha família",
        ),
    },
}
# Their near misses: a question, a doubt, a job, a friend, a price, a train to ride north.
ROUND_EIGHT_NEGATIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "emergency": {
        "es": (
            "no estoy segura de que el albergue abra el domingo",
            "no estoy segura aqui queda la clinica?",
            "necesito ayuda con mi cita por favor",
            "alguien que me ayude a llenar el formulario",
            "a donde debo acudir para mis papeles",
            "no me siento segura con esa decisión",
            "no estoy seguro si mañana abre",
        ),
        "en": (
            "is it safe to take the bus at night",
            "i dont feel safe leaving my bag here",
            "i need help with my asylum form",
            "i need help please",
        ),
        "fr": (
            "est ce que le foyer est en securite ?",
            "j ai besoin d aide pour remplir le formulaire",
            "quelqu un m aide a trouver le bureau svp",
        ),
        "ht": (
            "eske albergue a an sekirite?",
            "yon moun ede m jwenn yon abri tanpri",
            "m bezwen èd pou papye m tanpri",
        ),
        "pt": (
            "nao estou segura se o abrigo abre domingo",
            "ajuda com os documentos",
            "preciso acudir ao consulado amanha",
        ),
    },
    "medical_emergency": {
        "es": (
            "es normal que se hinchen los pies en el embarazo?",
            "estoy embarazada, donde me hacen un ultrasonido",
            "la herida tiene un poco de pus, donde compro gasas",
            "donde consigo insulina",
            "cuanto cuesta tomarse la presion",
            "mi hijo tiene diarrea y fiebre, hay farmacia?",
            "el bus sale a las 18 10 y me duele la cabeza",
        ),
        "en": (
            "where can i get insulin",
            "is swelling normal in pregnancy",
            "how much is a blood pressure check",
            "my cut has a little pus but no fever",
            "i need a stool and blood test for my fever",
            "my wound is red and hot, no fever",
            "my blood pressure is 140 over 90, headache",
        ),
        "fr": (
            "est ce normal d'avoir les pieds gonflés pendant la grossesse",
            "où acheter de l'insuline",
            "combien coûte une prise de tension",
            "ma plaie a un peu de pus, ou acheter des pansements",
        ),
        "ht": (
            "eske li nòmal pou pye anfle lè ou ansent?",
            "kote m ka jwenn ensilin",
            "konbyen kòb pou pran tansyon",
            "blesi a gen ti pi, kote m ka achte pansman",
        ),
        "pt": (
            "inchaço nos pés é normal na gravidez?",
            "onde consigo insulina",
            "quanto custa medir a pressao",
            "a ferida ta com um pouco de pus, onde compro curativo",
        ),
    },
    "self_harm": {
        "es": (
            "me voy a colgar la ropa",
            "me voy a colgar la mochila",
            "nadie me dijo nada del tramite",
            "voy a saltar al tren para llegar al norte",
            "dios los bendiga, gracias por la ayuda",
            "me cuelgo la mochila y me voy",
            "vamos a saltar al tren en la noche",
        ),
        "en": (
            "hang my clothes outside",
            "i cried at the movie",
            "we will jump on the train to go north",
            "god bless you, thanks for the info",
            "god bless you, my last message didn't arrive",
        ),
        "fr": (
            "je vais pendre le linge",
            "j'ai pleuré devant le film",
            "on va sauter dans le train pour le nord",
            "que Dieu vous bénisse pour votre aide",
        ),
        "ht": (
            "m pral pann rad yo",
            "pitit mwen ap kriye pou manje",
            "n ap monte tren an pou n ale nan nò",
            "Bondye beni nou tout, mesi pou enfòmasyon an",
        ),
        "pt": (
            "vou pendurar a roupa no varal",
            "chorei no filme",
            "vamos pegar o trem pro norte",
            "fiquem com deus, obrigada pela informacao",
        ),
    },
    "violence": {
        "es": (
            "como denuncio a un patron que no paga",
            "la migracion se quedo con mi pasaporte, como lo recupero?",
            "mi tio le toca la guitarra a mi hija",
            "mi tio cuida a mi hija",
            "me obligan a ir a la oficina",
            "mi jefe me pegó la gripa",
            "el tío de mi hija le toca el cabello",
        ),
        "en": (
            "how do i report a boss who does not pay",
            "my uncle is taking care of my daughter",
            "my boss beat us at soccer",
            "i have my passport, can i work here",
            "they made us wait with the other men",
            "the boss hit me up on whatsapp",
            "my neighbor touched my daughter's forehead, she has a fever",
        ),
        "fr": (
            "le patron nous tape sur les nerfs",
            "mon oncle garde ma fille",
            "l'immigration a gardé mon passeport",
            "elle m'a obligé à aller chez le médecin",
        ),
        "ht": (
            "yo voye yon moun vin chache m",
            "m pran paspo m pou m al nan randevou a",
            "patwon an pa peye nou",
            "tonton an ap fè pitit fi m manje",
        ),
        "pt": (
            "como denunciar patrao que nao paga",
            "o tio cuida da minha filha",
            "o patrao bate papo com os trabalhadores",
            "a policia federal ficou com meu passaporte",
        ),
    },
    "threat": {
        "es": (
            "si denuncio un robo me pueden dar papeles?",
            "mi amigo me va a encontrar en la terminal",
            "se busca cocinera para el albergue, manden foto por whatsapp",
            "si hablo con el abogado me pueden deportar?",
            "se busca trabajo en tapachula, mi foto y dirección",
        ),
        "en": (
            "what documents do i need to report a theft",
            "i hope my family will find me a job",
            "my friend will find me at the station",
            "i wanted to post a photo of the shelter for my family",
            "if i report my lost passport will it hurt my case",
        ),
        "fr": (
            "si je porte plainte, combien de temps ça prend",
            "mon cousin va me trouver un travail",
            "recherche d'emploi: envoyez votre photo et adresse",
        ),
        "ht": (
            "si m pale ak avoka a, èske m ap jwenn papye?",
            "zanmi m ap jwenn mwen nan estasyon an",
            "yo mete foto m sou facebook",
        ),
        "pt": (
            "se eu denunciar o roubo, a policia me ajuda?",
            "meu irmao vai me achar na rodoviaria",
            "postaram minha foto no grupo do abrigo",
        ),
    },
    "unaccompanied_child": {
        "es": (
            "hay actividades para niños sin permiso de los papás?",
            "mis hijos duermen conmigo en el albergue",
            "tengo 14 años de experiencia y no se donde esta la oficina",
            "hay niños en la calle sin zapatos",
        ),
        "en": (
            "are there activities for kids without parents permission",
            "my kids are with me",
            "im 15 minutes away and dont know where my family is waiting",
            "children sleeping outside the shelter with their parents",
        ),
        "fr": (
            "y a t il des activités pour les enfants sans les parents ?",
            "mes enfants dorment avec moi au foyer",
        ),
        "ht": (
            "pitit mwen yo ap dòmi avè m nan albergue a",
            "pitit mwen yo avè m",
        ),
        "pt": (
            "tem atividade pras crianças sem os pais?",
            "meus filhos estão comigo",
        ),
    },
}
for _signs, _round in (
    (SIGN_POSITIVES, ROUND_EIGHT_POSITIVES),
    (SIGN_NEGATIVES, ROUND_EIGHT_NEGATIVES),
):
    for _category, _by_lang in _round.items():
        for _lang, _messages in _by_lang.items():
            _signs.setdefault(_category, {})
            _signs[_category][_lang] = _signs[_category].get(_lang, ()) + _messages


@pytest.mark.parametrize(
    ("category", "lang", "message"),
    [
        (category, lang, message)
        for category, by_lang in SIGN_POSITIVES.items()
        for lang, messages in by_lang.items()
        for message in messages
    ],
)
def test_danger_told_by_its_signs_matches(category: str, lang: str, message: str) -> None:
    """Vomiting and unable to stand, days on water, found here, "yo fè m kadejak", "help please"."""
    assert danger_by_pattern(message) == category, (lang, message)


@pytest.mark.parametrize(
    ("category", "lang", "message"),
    [
        (category, lang, message)
        for category, by_lang in SIGN_NEGATIVES.items()
        for lang, messages in by_lang.items()
        for message in messages
    ],
)
def test_near_misses_of_the_signs_do_not_match(category: str, lang: str, message: str) -> None:
    """A question, a joke, an asylum question or a social-media follower is left to the model."""
    assert danger_by_pattern(message) is None, (category, lang, message)


def test_every_sign_pattern_has_a_positive_and_the_net_holds_them() -> None:
    """Each sign pattern catches one of its positives, and all of them are in PATTERNS."""
    for category, by_lang in SIGNS.items():
        messages = [fold(m) for ms in SIGN_POSITIVES[category].values() for m in ms]
        for lang, patterns in by_lang.items():
            assert set(patterns) <= set(PATTERNS[category][lang]), (category, lang)
            for pattern in patterns:
                assert any(re.search(pattern, m) for m in messages), (category, lang, pattern)
        assert set(SIGN_NEGATIVES[category]) == set(by_lang), category


def test_rape_told_in_an_asylum_question_is_for_the_asylum_answer() -> None:
    """A rape at home told to ask for asylum is not matched; one here and now is."""
    asking = "kisa pou m fè si yo te fè m kadejak nan peyi m, èske m ka mande azil"
    assert danger_by_pattern(asking) is None
    assert danger_by_pattern("yo te fè m kadejak yè swa nan albergue a") == "violence"
    assert danger_by_pattern("yo fè m kadejak, m kouri kite mari m") == "violence"
    assert danger_by_pattern("yo te vyole m, èske m ka mande azil") is None
    assert danger_by_pattern("mari m bat mwen, èske m ka mande azil") == "violence"
    assert danger_by_pattern("yo vyole m nan albergue a, èske m ka mande azil") == "violence"


def test_a_cut_by_the_train_or_a_machete_is_not_self_harm() -> None:
    """ "Koupe janm li" is self-harm only when nobody and nothing else did it."""
    assert danger_by_pattern("m ap koupe venn mwen") == "self_harm"
    assert danger_by_pattern("tren an koupe janm li") == "medical_emergency"
    assert danger_by_pattern("yo koupe bra l ak manchèt") == "violence"


NLU_DATA = Path(__file__).resolve().parents[2] / "content" / "examples"
PROTECTIVE_INTENTS = frozenset(PROTECTIVE_TOPICS) | {"emergency"}


def _training_examples(lang: str) -> list[tuple[str, str]]:
    """(intent, text) for every training example of one language."""
    data = yaml.safe_load((NLU_DATA / f"nlu_{lang}.yml").read_text(encoding="utf-8"))
    return [
        (block["intent"], line.strip()[2:])
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


@pytest.mark.skipif(not NLU_DATA.is_dir(), reason="no training data")
@pytest.mark.parametrize("lang", LANGS)
def test_almost_no_false_alarms_on_ordinary_training_examples(lang: str) -> None:
    """On the training examples of ordinary intents the patterns (nearly) never fire."""
    alarms = [
        (intent, text)
        for intent, text in _training_examples(lang)
        if intent not in PROTECTIVE_INTENTS and danger_by_pattern(text) is not None
    ]
    assert len(alarms) <= 1, alarms


LAUGHING_LOOK_ALIKES = (
    "lmaooo im dying 😂",
    "im starving lol what time is dinner tonight",
    "ya me muero de hambre jaja a que hora sirven la cena hoy",
    "j'ai trop faim mdrrr on mange a quelle heure",
    "m grangou lol a ki lè n ap manje aswè a",
    "to morrendo de fome kkkk que horas sai a janta",
    "hahaha my mom is gonna kill me when she sees my hair",
    "this heat is killing me 🤣",
)
# Masked with a laugh, these are still danger: a laugh never silences them.
LAUGHING_BUT_DANGER = (
    ("i want to die lol", "self_harm"),
    ("ya no quiero vivir jaja", "self_harm"),
    ("tengo 15 y vengo solo jaja", "unaccompanied_child"),
)


@pytest.mark.parametrize("message", LAUGHING_LOOK_ALIKES)
def test_a_laugh_makes_hunger_or_dying_a_figure_of_speech(message: str) -> None:
    assert danger_by_pattern(message) is None


@pytest.mark.parametrize(("message", "category"), LAUGHING_BUT_DANGER)
def test_a_laugh_never_silences_a_wish_to_die_or_a_child_alone(message: str, category: str) -> None:
    assert danger_by_pattern(message) == category


ACCOMPANIED_MINORS = (
    "mi hermano de 16 esta conmigo, se puede registrar solo?",
    "my brother is 17, hes here with me and our dad, does he register alone?",
    "mon frere a 17 ans il est avec moi et notre pere, il doit s'enregistrer seul?",
    "frè m gen 17 an li avè m ak papa nou, eske li bezwen enskri poukont li?",
    "meu irmão tem 17, ele ta comigo e com nosso pai, precisa se registrar sozinho?",
)
NO_LONGER_ACCOMPANIED = (
    "im 16 and alone, my mom is with me no more",
    "tengo 15 anos, mi mama ya no esta conmigo, estoy solo",
    "mi hijo de 15 no esta conmigo, esta solo en tijuana",
    "m gen 14 an manman m pa avè m ankò m poukont mwen",
)


@pytest.mark.parametrize("message", ACCOMPANIED_MINORS)
def test_a_minor_with_the_writer_or_a_parent_is_not_alone(message: str) -> None:
    assert danger_by_pattern(message) is None


@pytest.mark.parametrize("message", NO_LONGER_ACCOMPANIED)
def test_a_parent_who_is_no_longer_there_leaves_the_child_alone(message: str) -> None:
    assert danger_by_pattern(message) == "unaccompanied_child"


CHILDREN_IN_GENERAL_QUESTIONS = (
    "can children apply for asylum alone",
    "los niños pueden pedir asilo solos o tienen q ir con un adulto",
    "un enfant peut demander lasile tout seul?",
    "eske timoun ka mande azil poukont yo",
    "criança pode pedir refugio sozinha?",
)
A_REAL_CHILD_ASKING = (
    "can children apply for asylum alone? im 15 and alone",
    "hay un niño solo en la plaza, puede pedir asilo?",
    "estoy solo y soy menor, puedo pedir asilo?",
)


@pytest.mark.parametrize("message", CHILDREN_IN_GENERAL_QUESTIONS)
def test_a_question_about_children_in_general_is_for_the_rules(message: str) -> None:
    assert danger_by_pattern(message) is None


@pytest.mark.parametrize("message", A_REAL_CHILD_ASKING)
def test_a_real_child_alone_asking_the_rules_is_still_a_child_alone(message: str) -> None:
    assert danger_by_pattern(message) == "unaccompanied_child"


IDIOMS = (
    "el partido de ayer me mato, perdimos otra vez",
    "this rent is killing me smh",
    "ce soleil va me tuer",
    "solèy la ap touye m jodi a",
    "esse sol vai me matar",
)
DANGER_BESIDE_AN_IDIOM = (
    ("el trabajo me mata, ya no quiero vivir", "self_harm"),
    ("el calor me esta matando y mi hijo no respira", "medical_emergency"),
    ("mi esposo me pega, el formulario pregunta si sufri violencia", "violence"),
)


@pytest.mark.parametrize("message", IDIOMS)
def test_the_sun_a_price_or_a_game_that_kills_is_a_figure_of_speech(message: str) -> None:
    assert danger_by_pattern(message) is None


@pytest.mark.parametrize(("message", "category"), DANGER_BESIDE_AN_IDIOM)
def test_an_idiom_never_hides_a_wish_to_die_a_body_in_danger_or_violence(
    message: str, category: str
) -> None:
    assert danger_by_pattern(message) == category


@pytest.mark.parametrize(
    "message",
    [
        "ma soeur de 17 ans voyage avec nous, elle doit faire sa demande seule?",
        "meu filho de 17 pode pedir refugio sozinho ou tem que ser junto comigo?",
    ],
)
def test_a_minor_travelling_with_the_family_is_not_alone(message: str) -> None:
    assert danger_by_pattern(message) is None


PAST_EVENTS_FOR_A_PROCEDURE = (
    "a mi tio le dieron una golpiza los mareros en 2018, eso lo menciono en la entrevista?",
    "des rebelles ont menace ma famille en 2018, je dois le dire a l'entretien?",
    "my cousin was kidnapped in 2019 back in honduras, does that count for my case?",
    "el formulario pregunta si sufri violencia domestica, que pongo si no",
    "the form asks if anyone ever threatened to kill me, what do i write",
)
DANGER_WITH_A_YEAR = (
    ("los pandilleros me encontraron aqui y me quieren matar, huimos en 2018", "threat"),
    ("mi esposo me pega, el formulario pregunta si sufri violencia", "violence"),
)


@pytest.mark.parametrize("message", PAST_EVENTS_FOR_A_PROCEDURE)
def test_a_past_event_told_for_a_procedure_is_not_a_cry(message: str) -> None:
    assert danger_by_pattern(message) is None


@pytest.mark.parametrize(("message", "category"), DANGER_WITH_A_YEAR)
def test_danger_now_is_heard_beside_a_year_or_a_form(message: str, category: str) -> None:
    assert danger_by_pattern(message) == category


@pytest.mark.parametrize(
    "text",
    [
        "me asaltaron en tapachula hace 3 anos, eso cuenta para mi solicitud de asilo?",
        "they beat me in Guatemala two years ago, do I mention it at the interview",
        "on m'a frappé il y a 2 ans au Panama, je le dis dans mon dossier ?",
        "yo te bat mwen sa gen 2 an, èske m di sa nan entrevi azil la",
        "fui agredida faz 2 anos, conto isso no processo da comar?",
    ],
)
def test_harm_some_years_ago_asked_about_for_a_procedure_is_left_to_the_model(text: str) -> None:
    assert danger_by_pattern(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("me acaban de asaltar hace 2 minutos en la central, ayuda", "emergency"),
        ("my husband beats me, the comar interview is tomorrow", "violence"),
    ],
)
def test_harm_now_is_still_heard_beside_a_procedure(text: str, category: str) -> None:
    assert danger_by_pattern(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "vi en las noticias que secuestraron a unos migrantes en tamaulipas, que feo",
        "saw on the news they kidnapped migrants near the border, so sad",
        "à la télé ils ont dit qu'un bus de migrants a été enlevé, c'est triste",
        "nan televizyon yo di yo kidnape migran Tamaulipas",
        "na tv falaram que sequestraram migrantes em tamaulipas",
    ],
)
def test_news_someone_watched_is_left_to_the_model(text: str) -> None:
    assert danger_by_pattern(text) is None


@pytest.mark.parametrize(
    "text",
    ["so bored im dying here", "m ap mouri anwi nan liy lan", "me muero de aburrimiento"],
)
def test_boredom_is_not_a_medical_emergency(text: str) -> None:
    assert danger_by_pattern(text) is None


def test_studying_violence_is_not_living_it_but_a_volunteer_who_hurts_is_heard() -> None:
    assert danger_by_pattern("m ap fè yon fòmasyon sou vyolans nan fanmi, nou gen dokiman?") is None
    assert danger_by_pattern("el papel pregunta si sufri violencia, que pongo") is None
    assert (
        danger_by_pattern("es un voluntario del albergue abuso de mi hijo adolescente")
        == "violence"
    )
