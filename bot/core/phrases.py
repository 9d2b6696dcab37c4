"""Every fixed sentence the core says, marked for gettext; translations live in `locales/`.

Message ids are English. Keep them short and plain: people may read little and be tired.
"""

from bot.core.i18n import N_

CHOOSE_LANGUAGE = N_("Choose your language.")
LANGUAGE_SET = N_("Okay, I will write to you in English.")
WELCOME = N_(
    "Hello, I am Faro. I give checked information for people on the move: asylum, "
    "going back home, shelters, health and more. I am a computer program, not a person. "
    "Do not send me your name or your documents. What do you need? Choose a topic or "
    "write your question."
)
MENU = N_("What do you need? Choose a topic.")
MENU_LIST_LABEL = N_("Topics")
HELP = N_(
    "Write your question in a few words, for example: where can I sleep? or: I want to "
    "go home. You can also choose a topic. /menu shows the topics and /language changes "
    "the language."
)
VOICE = N_(
    "I cannot listen to voice messages. Please write your question in a few words, "
    "or choose a topic."
)
MEDIA = N_(
    "I can only read text. I cannot open photos, stickers, files or locations. Please "
    "write your question, or choose a topic."
)
EMPTY = N_("I did not receive any words. Please write your question, or choose a topic.")
TOO_LONG = N_(
    "Your message is very long. Please send a short question, for example: where can I sleep?"
)
SYMBOLS_ONLY = N_("I only see symbols. Please write your question in words, or choose a topic.")
NLU_DOWN = N_("Sorry, I cannot read messages right now. Please choose a topic from the list.")
NOT_SURE = N_("I am not sure I understood. Is it one of these?")
STILL_NOT_SURE = N_(
    "Sorry, I still did not understand. Choose a topic from the list, or ask to talk to a person."
)
ALSO_HUMAN = N_("You can also talk to a person.")
RETURN_REQUEST = N_(
    "You want to go back home. I cannot register you here yet. This is how going back "
    "works, and where to ask:"
)
TALK_TO_HUMAN = N_(
    "I cannot connect you with a person here yet. You can talk to the staff of your "
    "shelter, or of IOM, UNHCR or the Red Cross. If you are in danger now, choose "
    "Emergency in the menu."
)
GOODBYE = N_("Take care. You can write to me at any time.")
THANKS = N_("You are welcome. Take care. If you need anything else, choose a topic.")
DENIED = N_("Okay. Choose a topic from the list, or write your question in other words.")
OUT_OF_SCOPE = N_(
    "Sorry, I can only help with information for people on the move, like asylum, "
    "shelters or going back home."
)
NO_CHECKED_ANSWER = N_(
    "I do not have checked information on this right now. Please ask the staff at your "
    "shelter, or at IOM or UNHCR."
)
CHECKED_ON = N_("Information checked on {date}.")
BUTTON_MENU = N_("Menu")
BUTTON_HUMAN = N_("Talk to a person")
BUTTON_LANGUAGE = N_("Language")

# The web chat page.
PAGE_TITLE = N_("Faro: information for people on the move")
PAGE_PLACEHOLDER = N_("Write your question")
PAGE_SEND = N_("Send")
PAGE_PRIVACY = N_("Do not write your name, phone number or documents here.")
PAGE_OFFLINE = N_("No connection. Your message was not sent. Try again.")
