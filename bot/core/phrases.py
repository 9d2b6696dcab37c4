"""Every fixed sentence the core says, marked for gettext; translations live in `locales/`.

Message ids are English. Keep them short and plain: people may read little and be tired.
"""

from bot.core.i18n import N_

CHOOSE_LANGUAGE = N_("Choose your language.")
LANGUAGE_SET = N_("Okay, I will write to you in English.")
WELCOME = N_(
    "Hello, I am Faro. I give information for people on the move: asylum, going back home, "
    "shelters, health and more. Each answer says where it comes from and how old it is. "
    "I am a computer program, not a person. "
    "Do not send me your name or your documents. What do you need? Choose a topic or "
    "write your question."
)
MENU = N_("What do you need? Choose a topic.")
MENU_LIST_LABEL = N_("Topics")
CITY_LIST_LABEL = N_("Cities")
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
    "I can only read text and shared locations. I cannot open photos, stickers or files. "
    "Please write your question, or choose a topic."
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
BEING_UPDATED = N_(
    "This information is being updated, so I cannot send it now. You can talk to a "
    "person here. If you are in danger in Mexico, call 911."
)
SERVICES_IN_CITY = N_("Where to go in {city}:")
NO_SERVICES_IN_CITY = N_(
    "I have no services listed in {city} for this. Ask the staff at a shelter, or talk to a "
    "person here."
)
NO_SERVICES_ELSEWHERE = N_(
    "I only know services in the cities on the list. Ask the staff at a shelter, or talk to "
    "a person here."
)
ASK_CITY_FOR_SERVICES = N_("Which city are you in? I can tell you where to go there.")
CITY_ONLY = N_("The sources give only the city, not the address: ask there for the exact place.")
SERVICE_PHONE = N_("Phone: {phone}")
NEAREST_SERVICES = N_("Nearest to you:")
ABOUT_KM = N_("{city}, about {km} km away")
DISTANCE_TO_CENTRE = N_(
    "The sources give only the city, not the address: distances are to the city centre."
)
NO_SERVICES_NEAR = N_(
    "I have no services listed near you. The nearest I know are in {city}, about {km} km "
    "away. Ask the staff at a shelter, or talk to a person here."
)
SOURCE_LINE = N_("Source: {sources}.")
SOURCES_LINE = N_("Sources: {sources}.")
VERIFIED_ON = N_("Checked by a person on {date}.")
# A service's description that staff have not yet translated: the Spanish, marked.
IN_SPANISH = N_("{text} (in Spanish)")
# Above an answer that staff have not yet translated into the person's language.
NOT_TRANSLATED_YET = N_("This answer is not in your language yet. Here it is in Spanish:")
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
BUTTON_MENU = N_("Menu")
BUTTON_HUMAN = N_("Talk to a person")
BUTTON_LANGUAGE = N_("Language")
BUTTON_YES = N_("Yes")
BUTTON_NO = N_("No")
BUTTON_URGENT = N_("Talk to a person now")
BUTTON_REGISTER = N_("Register to go home")

# Talking to a person, and urgent cases.
QUESTION_OPENED = N_(
    "I asked a person from the team to answer you. Your code is {ref}. They will write to "
    "you here as soon as they can. What you write to them is kept until {days} days after "
    "your request is closed; write delete my data to erase it sooner."
)
URGENT_OPENED = N_(
    "I told the team this is urgent. Your code is {ref}. A person will write to you here as "
    "soon as they can. If you are in danger now, call 911 in Mexico."
)
URGENT_RAISED = N_(
    "I told the team your request {ref} is urgent. A person will write to you here as soon "
    "as they can. If you are in danger now, call 911 in Mexico."
)
OPEN_REQUEST = N_(
    "You already have a request: {ref} ({status}). A caseworker will write to you here. "
    "To withdraw it, write: cancel request."
)
STATUS_NEW = N_("waiting for a caseworker")
STATUS_CLAIMED = N_("with a caseworker")
STATUS_CONTACTED = N_("a caseworker is in contact with you")
STATUS_REGISTERED = N_("registered")
CONFIRM_CANCEL_REQUEST = N_("Do you want to withdraw your request {ref}?")
REQUEST_CANCELLED = N_("Your request {ref} is withdrawn. You can write to me at any time.")
NO_OPEN_REQUEST = N_("You have no open request.")
RELAY_MEDIA = N_("The person from the team can only read text. Please write your message.")

# The return intake.
INTAKE_CONSENT = N_(
    "Going home with IOM, the UN Migration Agency: its programme helps people who choose "
    "to go back to their country. It is voluntary and free. Registering here is not a "
    "decision yet: a caseworker will contact you in this chat to explain your options "
    "before you decide.\n\n"
    "What is kept: your answers to the next questions (the name you want, country, city, "
    "who travels with you, and a phone number only if you want). Only the programme's "
    "caseworkers see them. They are deleted {days} days after your request is closed, or "
    "at once if you write delete my data.\n\n"
    "Do you agree?"
)
BUTTON_AGREE = N_("Yes, I agree")
BUTTON_DECLINE = N_("No, thanks")
INTAKE_DECLINED = N_("Okay. Nothing was kept. You can still ask me anything.")
ASK_NAME = N_("What name do you want us to call you? A first name is enough.")
ASK_COUNTRY = N_("Which country do you want to go back to?")
CONFIRM_COUNTRY = N_("You want to go back to {country}. Is that right?")
ASK_CITY = N_("In which city are you now?")
CONFIRM_CITY = N_("You are in {city} now. Is that right?")
OTHER_COUNTRY = N_("Other country")
OTHER_CITY = N_("Other city")
ASK_GROUP = N_(
    "How many people travel with you, not counting you? Write a number: 0 if you are alone."
)
ASK_CHILDREN = N_("How many of them are children, under 18?")
ASK_AGES = N_("How old are the children? Write their ages, for example: 3, 7")
ASK_MINOR = N_("Are you under 18 and travelling without an adult?")
ASK_MEDICAL = N_("Does anyone in your group, you included, need medical care?")
ASK_GENDER = N_("Are you a woman or a man? It is only for anonymous counts. You can skip it.")
BUTTON_WOMAN = N_("Woman")
BUTTON_MAN = N_("Man")
BUTTON_SKIP = N_("Skip")
ASK_PHONE = N_(
    "Do you want to give a phone number? It is not needed: we will contact you in this "
    "chat. Write the number, or press Skip."
)
SUMMARY = N_("Please check your answers:")
FIELD_NAME = N_("Name")
FIELD_COUNTRY = N_("Going back to")
FIELD_CITY = N_("City now")
FIELD_GROUP = N_("People with you")
FIELD_CHILDREN = N_("Children")
FIELD_AGES = N_("Their ages")
FIELD_MINOR = N_("Under 18 and alone")
FIELD_MEDICAL = N_("Needs medical care")
FIELD_GENDER = N_("Woman or man")
FIELD_PHONE = N_("Phone")
VALUE_NOT_GIVEN = N_("not given")
BUTTON_CONFIRM = N_("Confirm")
BUTTON_CHANGE = N_("Change")
BUTTON_CANCEL = N_("Cancel")
WHICH_FIELD = N_("What do you want to change?")
REGISTERED = N_(
    "Done. Your request is in the queue. Your code is {ref}: keep it.\n\n"
    "What happens next: a caseworker of the programme will write to you in this chat. "
    "They will explain your options before you decide. Going home stays your choice."
)
CHILD_URGENT = N_(
    "Because you are under 18 and alone, your request is marked urgent. Here is where "
    "children travelling alone can get help:"
)
INTAKE_CANCELLED = N_("Registration cancelled. Nothing was kept.")
INTAKE_EXPIRED = N_(
    "Your unfinished registration expired after 24 hours, and nothing was kept. "
    "You can start again at any time."
)
LETS_CONTINUE = N_("Let us continue with your registration.")
CHOOSE_ONE = N_("Please choose one of the options, or write its number.")
INVALID_NAME = N_("Please write only the name you want us to use, in letters.")
INVALID_NUMBER = N_("Please write a number, for example: 2")
TOO_MANY_PEOPLE = N_("That is more people than I can register here (at most {max}). How many?")
TOO_MANY_CHILDREN = N_(
    "There cannot be more children than people travelling with you ({group}). How many children?"
)
INVALID_AGES = N_("Please write {count} ages from 0 to 17, separated by commas, for example: 3, 7")
INVALID_PHONE = N_(
    "That does not look like a phone number. Write only its digits (7 to 15), with the "
    "country code if you know it, or press Skip."
)

# Deleting a person's data.
CONFIRM_ERASE = N_(
    "Do you want me to delete everything Faro keeps about you? Any open request will be "
    "withdrawn. This cannot be undone."
)
BUTTON_ERASE = N_("Yes, delete")
BUTTON_KEEP = N_("No, keep it")
ERASED = N_(
    "Done. Everything Faro kept about you is deleted. If you write again, we start from "
    "the beginning."
)
ERASE_KEPT = N_("Okay, nothing was deleted.")

# Choosing by number, going back, several needs in one message.
# At most 60 characters in every language: WhatsApp shows it as a message's footer.
NUMBER_HINT = N_("Write a number to choose. 0: go back.")
ALSO_ASKED = N_("You also asked about this. Choose to read it:")
LANGUAGE_NOT_SPOKEN = N_(
    "I did not recognise the language. I can write in Spanish, English, French, Haitian "
    "Creole and Portuguese."
)

# The Telegram command list (setMyCommands), in each language.
COMMAND_START = N_("Start again")
COMMAND_MENU = N_("The topics")
COMMAND_LANGUAGE = N_("Change the language")
COMMAND_HELP = N_("How to use Faro")
COMMAND_DELETE = N_("Delete my data")

# The web chat page.
PAGE_TITLE = N_("Faro: information for people on the move")
PAGE_PLACEHOLDER = N_("Write your question")
PAGE_SEND = N_("Send")
PAGE_PRIVACY = N_("Do not write your name, phone number or documents here.")
PAGE_OFFLINE = N_("No connection. Your message was not sent. Try again.")
# The label screen readers give each reply's buttons.
PAGE_CHOICES = N_("Choices")
PAGE_TYPING = N_("Faro is writing…")
# On a new tab: take up the conversation this phone had last, instead of a new one.
PAGE_CONTINUE = N_("Continue my conversation")
PAGE_CONVERSATION = N_("Conversation with Faro")
