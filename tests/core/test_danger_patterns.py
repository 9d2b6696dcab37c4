"""The danger patterns: clear danger phrasings in five languages, and none of the ordinary
questions that share their words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.content import PROTECTIVE_TOPICS
from bot.core.danger_patterns import FRAGMENTS, PATTERNS, PRIORITY, danger_by_pattern

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


NLU_DATA = Path(__file__).resolve().parents[2] / "nlu" / "data"
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
