"""Russian formatting of the printed mentoring documents: dates, periods, names with initials,
grammatical gender, amounts, money and percentages in words, years and numbers of copies.

Pure functions (no database, no environment): the report models hand them to the templates as
``fmt`` and they are unit-tested on their own. The wording follows Russian office documents
(ГОСТ Р 7.0.97-2016), whatever the language of the user who prints.
"""

from num2words import num2words

from odoo.fields import Date

__all__ = [
    "BLANK_DATE",
    "amount",
    "by_gender",
    "clause",
    "copies_words",
    "full_stop",
    "gender",
    "initials",
    "long_date",
    "lower_first",
    "money_words",
    "number_words",
    "percent_words",
    "period",
    "short_date",
    "with_position",
    "years",
]

MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
# A paper document without a date leaves the blanks to fill in by hand.
BLANK_DATE = "«___» ____________ 20___ г."
BLANK_SHORT_DATE = "__.__.____"
FEMALE_PATRONYMIC_ENDINGS = ("вна", "чна", "кызы", "гызы")
MALE_PATRONYMIC_ENDINGS = ("вич", "ич", "оглы", "улы", "уулу")
COPIES_GENITIVE = {
    2: "двух",
    3: "трёх",
    4: "четырёх",
    5: "пяти",
    6: "шести",
    7: "семи",
    8: "восьми",
    9: "девяти",
}
# Denominators of a decimal fraction by its number of digits: (singular, plural) in words.
FRACTION_NOUNS = {1: ("десятая", "десятых"), 2: ("сотая", "сотых")}


# --- Dates ------------------------------------------------------------------------------------


def long_date(value):
    """«06» сентября 2022 г.; the blanks to fill in by hand when there is no date."""
    if not value:
        return BLANK_DATE
    value = Date.to_date(value)
    return f"«{value.day:02d}» {MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def short_date(value):
    """06.09.2022; blanks when there is no date."""
    return Date.to_date(value).strftime("%d.%m.%Y") if value else BLANK_SHORT_DATE


def period(date_from, date_to):
    """с «01» октября 2025 г. по «31» января 2026 г."""
    return f"с {long_date(date_from)} по {long_date(date_to)}"


# --- Text -------------------------------------------------------------------------------------


def full_stop(text):
    """End a sentence with a full stop unless it already ends with one («… 2026 г.»)."""
    text = (text or "").rstrip()
    return text if text.endswith(".") else f"{text}."


def clause(text, default=""):
    """A free-text term of an agreement (or its default), trimmed of its trailing punctuation so
    that the template can end it with :func:`full_stop`."""
    text = (text or "").strip() or default or ""
    return text.rstrip(" ;,")


def lower_first(text):
    """«Преподаватель математики» → «преподаватель математики»; abbreviations (ООО …) stay."""
    if len(text or "") > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text or ""


# --- People -----------------------------------------------------------------------------------


def initials(name, surname_last=False):
    """«Скоробогатов Андрей Викторович» → «Скоробогатов А.В.» (or «А.В. Скоробогатов»).
    Double given names keep their hyphen (А.-М.); Turkic patronymics (… оглы) give one initial."""
    parts = (name or "").split()
    if not parts:
        return ""
    surname, given = parts[0], parts[1:3]
    letters = "".join(
        "-".join(f"{piece[:1].upper()}." for piece in word.split("-") if piece) for word in given
    )
    if not letters:
        return surname
    return f"{letters} {surname}" if surname_last else f"{surname} {letters}"


def with_position(name, position):
    """«Петров Илья Сергеевич, преподаватель информатики», for running text."""
    position = lower_first(position)
    return f"{name}, {position}" if position else name


def gender(name):
    """'f', 'm' or None, from the patronymic of a Russian full name (surname, name, patronymic)."""
    parts = (name or "").lower().split()
    if len(parts) < 3:
        return None
    patronymic = " ".join(parts[2:])
    if patronymic.endswith(FEMALE_PATRONYMIC_ENDINGS):
        return "f"
    if patronymic.endswith(MALE_PATRONYMIC_ENDINGS):
        return "m"
    return None


def by_gender(name, male, female, unknown=None):
    """The word that agrees with the person's gender, e.g. именуемый / именуемая; both when the
    patronymic does not tell."""
    found = gender(name)
    if found == "m":
        return male
    if found == "f":
        return female
    return unknown or f"{male} ({female})"


# --- Numbers ----------------------------------------------------------------------------------


def amount(value):
    """6000 → «6 000,00»."""
    return f"{value or 0.0:,.2f}".replace(",", " ").replace(".", ",")


def money_words(value, currency=None):
    """«6 000,00 (шесть тысяч) руб. 00 коп.». ``currency`` is a res.currency (or anything with
    its name and unit labels); roubles when it is missing."""
    value = round(value or 0.0, 2)
    units = int(value)
    cents = int(round((value - units) * 100))
    words = num2words(units, lang="ru")
    if not currency or currency.name == "RUB":
        unit, subunit = "руб.", "коп."
    else:
        unit = currency.currency_unit_label or currency.name
        subunit = currency.currency_subunit_label or ""
    return f"{amount(value)} ({words}) {unit} {cents:02d} {subunit}".strip()


def _feminine(words):
    """«двадцать один» → «двадцать одна»: целая and десятая are feminine nouns."""
    parts = words.split()
    if parts and parts[-1] == "один":
        parts[-1] = "одна"
    elif parts and parts[-1] == "два":
        parts[-1] = "две"
    return " ".join(parts)


def _is_singular(count):
    """Russian takes the singular after 1, 21, 31 … but not after 11."""
    return count % 10 == 1 and count % 100 != 11


def number_words(value):
    """15 → «пятнадцать»; 12.5 → «двенадцать целых пять десятых» (up to two decimals)."""
    value = round(value or 0.0, 2)
    if value == int(value):
        return num2words(int(value), lang="ru")
    whole = int(value)
    decimals = f"{value:.2f}".split(".")[1].rstrip("0")
    fraction = int(decimals)
    whole_noun = "целая" if _is_singular(whole) else "целых"
    singular, plural = FRACTION_NOUNS[len(decimals)]
    fraction_noun = singular if _is_singular(fraction) else plural
    whole_words = _feminine(num2words(whole, lang="ru"))
    fraction_words = _feminine(num2words(fraction, lang="ru"))
    return f"{whole_words} {whole_noun} {fraction_words} {fraction_noun}"


def percent_words(value):
    """«15 (пятнадцать) %», «12,5 (двенадцать целых пять десятых) %»."""
    value = round(value or 0.0, 2)
    figure = str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")
    return f"{figure} ({number_words(value)}) %"


def years(count):
    """3 → «3 года», 11 → «11 лет», 21 → «21 год»."""
    count = count or 0
    if _is_singular(count):
        word = "год"
    elif 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        word = "года"
    else:
        word = "лет"
    return f"{count} {word}"


def copies_words(count):
    """4 → «в четырёх экземплярах»."""
    return f"в {COPIES_GENITIVE.get(count, count)} экземплярах"
