"""Short words people type instead of pressing a button, in the five languages.

Matched after folding (lower case, no accents, no punctuation), so "Sí", "si" and "SI!"
are one word. These are the words of a conversation's controls, not of its topics: the
model understands questions; these steer a flow.
"""

from __future__ import annotations

import re
import unicodedata

YES = frozenset(
    {
        "si",
        "yes",
        "y",
        "oui",
        "wi",
        "sim",
        "claro",
        "ok",
        "okay",
        "dako",
        "dakor",
        "of course",
        "correcto",
        "correct",
        "exacto",
        "eso",
        "s",
        "yep",
        "yeah",
        "vale",
        "bueno",
        "isso",
        "certo",
        "wi se sa",
        "se sa",
        "c est ca",
        "d accord",
        "si claro",
        "ajam",
        "simon",
    }
)
NO = frozenset(
    {
        "no",
        "n",
        "non",
        "nao",
        "nope",
        "nel",
        "pa",
        "non merci",
        "no gracias",
        "nao obrigado",
        "no thanks",
        "non mesi",
        "mwen pa dako",
        "incorrecto",
        "errado",
        "not",
    }
)
CANCEL = frozenset(
    {
        "cancel",
        "cancelar",
        "cancela",
        "cancelo",
        "annuler",
        "annule",
        "anile",
        "anule",
        "stop",
        "parar",
        "para",
        "basta",
        "arret",
        "arrete",
        "kanpe",
        "sortir",
        "salir",
        "exit",
        "quit",
    }
)
BACK = frozenset(
    {
        "0",
        "back",
        "go back",
        "atras",
        "volver",
        "regresar",
        "retour",
        "revenir",
        "tounen",
        "retounen",
        "voltar",
        "volta",
        "anterior",
        "previous",
        "precedent",
    }
)
MENU = frozenset({"menu", "menus", "meni", "inicio", "start", "home", "accueil"})
SKIP = frozenset(
    {
        "skip",
        "saltar",
        "omitir",
        "paso",
        "sauter",
        "passer",
        "pase",
        "sote",
        "pular",
        "nada",
        "none",
        "aucun",
        "anyen",
        "nenhum",
        "no tengo",
        "no quiero",
        "i dont have",
        "sin telefono",
        "pa gen",
        "nao tenho",
        "je n en ai pas",
    }
)
CANCEL_REQUEST = frozenset(
    {
        "cancel request",
        "cancelar solicitud",
        "cancelar mi solicitud",
        "cancelar pedido",
        "cancelar registro",
        "annuler la demande",
        "annuler ma demande",
        "anile demann nan",
        "anile demann mwen",
        "cancelar meu pedido",
        "cancelar o pedido",
        "cancelar minha solicitacao",
        "withdraw my request",
        "retirar mi solicitud",
    }
)
ERASE = (
    re.compile(r"\b(delete|erase|remove|wipe)\b.*\b(my )?(data|info|information|everything)\b"),
    re.compile(r"\b(borra|borrar|borren|elimina|eliminar|eliminen|quita|quitar)\b.*\bdatos\b"),
    re.compile(r"\b(supprime[rz]?|efface[rz]?|supprimez)\b.*\b(donnees|infos?|informations)\b"),
    re.compile(r"\b(efase|siprime|retire)\b.*\b(done|enfomasyon|enfo)\b"),
    re.compile(
        r"\b(apaga|apagar|apaguem|exclui|excluir|deleta|deletar|remove|remover)\b.*\bdados\b"
    ),
)
# A message that is only a language's name sets it, in the usual spellings people type
# (folded: no accents, lower case). Keys are ISO codes; a sixth language adds its own.
LANGUAGE_NAMES: dict[str, frozenset[str]] = {
    "es": frozenset(
        {
            "espanol",
            "spanish",
            "castellano",
            "espagnol",
            "espanhol",
            "panyol",
            "en espanol",
            "in spanish",
            "espanol por favor",
        }
    ),
    "en": frozenset(
        {"english", "ingles", "anglais", "angle", "en ingles", "in english", "inglich", "englis"}
    ),
    "fr": frozenset(
        {"francais", "french", "frances", "franse", "en francais", "in french", "fransais"}
    ),
    "ht": frozenset(
        {
            "kreyol",
            "kreyol ayisyen",
            "kreol",
            "creole",
            "creol",
            "criollo",
            "criollo haitiano",
            "crioulo",
            "crioulo haitiano",
            "haitian",
            "haitian creole",
            "creole haitien",
            "ayisyen",
            "an kreyol",
            "kreyol souple",
        }
    ),
    "pt": frozenset(
        {
            "portugues",
            "portuguese",
            "portugais",
            "potige",
            "portuges",
            "em portugues",
            "in portuguese",
            "portugues brasil",
            "brasileiro",
        }
    ),
}


def language_named(text: str) -> str | None:
    """The language a message names and nothing else ("espanol", "Kreyòl!"), or None."""
    folded = fold(text)
    return next((code for code, names in LANGUAGE_NAMES.items() if folded in names), None)


def choice_number(text: str) -> int | None:
    """The number of a choice typed alone: "2", "2.", "#2", " 2 " (0 to 99), or None."""
    folded = fold(text.replace("#", " "))
    return int(folded) if re.fullmatch(r"\d{1,2}", folded) else None


ERASE_COMMANDS = frozenset({"delete", "borrar", "supprimer", "efase", "apagar"})


def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation turned into spaces, spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w+]+", " ", bare).split())


def is_in(words: frozenset[str], text: str) -> bool:
    """Whether the whole message is one of `words`."""
    return fold(text) in words


def asks_to_erase(text: str) -> bool:
    """Whether the message asks Faro to delete the person's data, in any of the languages."""
    folded = fold(text)
    if len(folded) > 120:
        return False  # a long message that mentions data is a question, not the request
    return any(pattern.search(folded) for pattern in ERASE)


_NUMBER_WORDS: dict[str, int] = {}
for _value, _words in enumerate(
    (
        "cero zero zewo nenhum aucun ningun ninguno none nobody personne pesonn",
        "uno un una one un une en youn yon um uma",
        "dos two deux de de dois duas",
        "tres three trois twa",
        "cuatro four quatre kat quatro",
        "cinco five cinq senk",
        "seis six sis",
        "siete seven sept set sete",
        "ocho eight huit uit oito",
        "nueve nine neuf nef nove",
        "diez ten dix dis dez",
    )
):
    for _word in _words.split():
        _NUMBER_WORDS.setdefault(_word, _value)


def parse_count(text: str) -> int | None:
    """A small whole number from "3", "tres", "three"..., or None when it is not one."""
    folded = fold(text)
    if re.fullmatch(r"\d{1,4}", folded):
        return int(folded)
    if folded in _NUMBER_WORDS:
        return _NUMBER_WORDS[folded]
    words = folded.split()
    if len(words) <= 3:
        numbers = [w for w in words if w.isdigit() and len(w) <= 4]
        if len(numbers) == 1:
            return int(numbers[0])
        spelled = [_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS]
        if len(spelled) == 1 and len(words) <= 2:
            return spelled[0]
    return None


def parse_ages(text: str) -> list[int] | None:
    """Ages from "3, 7" or "3 y 7" or "3 and 7 years"; None when no number is there."""
    numbers = re.findall(r"\d{1,3}", text)
    if not numbers:
        return None
    return [int(n) for n in numbers]


def parse_phone(text: str) -> str | None:
    """A phone number as digits with an optional leading +, or None when it is not one."""
    cleaned = text.strip()
    if not re.fullmatch(r"\+?[\d\s().\-]{7,24}", cleaned):
        return None
    digits = re.sub(r"\D", "", cleaned)
    if not 7 <= len(digits) <= 15:
        return None
    return ("+" if cleaned.startswith("+") else "") + digits
