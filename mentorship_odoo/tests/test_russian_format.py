"""The Russian formatting of the printed documents, without a database: plain functions."""

import unittest
from datetime import date
from types import SimpleNamespace

from ..tools import russian_format as fmt

RUB = SimpleNamespace(name="RUB", currency_unit_label="Рубль", currency_subunit_label="Копейка")
EUR = SimpleNamespace(name="EUR", currency_unit_label="Euros", currency_subunit_label="Cents")


class TestRussianFormatting(unittest.TestCase):
    """The helpers that write dates, names and amounts the Russian way."""

    def test_dates(self):
        self.assertEqual(fmt.long_date(date(2022, 9, 6)), "«06» сентября 2022 г.")
        self.assertEqual(fmt.long_date(date(2026, 5, 31)), "«31» мая 2026 г.")
        self.assertEqual(fmt.long_date("2026-01-02"), "«02» января 2026 г.")
        self.assertEqual(fmt.long_date(False), "«___» ____________ 20___ г.")
        self.assertEqual(
            fmt.period(date(2025, 10, 1), date(2026, 1, 31)),
            "с «01» октября 2025 г. по «31» января 2026 г.",
        )
        self.assertEqual(fmt.short_date(date(2025, 3, 1)), "01.03.2025")
        self.assertEqual(fmt.short_date(None), "__.__.____")
        self.assertEqual(fmt.full_stop(fmt.long_date(date(2025, 3, 1))), "«01» марта 2025 г.")
        self.assertEqual(fmt.full_stop("в неделю"), "в неделю.")
        self.assertEqual(fmt.full_stop("в неделю  "), "в неделю.")

    def test_initials(self):
        self.assertEqual(fmt.initials("Скоробогатов Андрей Викторович"), "Скоробогатов А.В.")
        self.assertEqual(fmt.initials("  Скоробогатов   Андрей  Викторович "), "Скоробогатов А.В.")
        self.assertEqual(
            fmt.initials("Скоробогатов Андрей Викторович", surname_last=True), "А.В. Скоробогатов"
        )
        self.assertEqual(fmt.initials("Иванова Анна-Мария Петровна"), "Иванова А.-М.П.")
        self.assertEqual(fmt.initials("Ли Мин"), "Ли М.")
        self.assertEqual(fmt.initials("Петрова-Водкина ольга игоревна"), "Петрова-Водкина О.И.")
        self.assertEqual(fmt.initials("Мамедов Рашид Ибрагим оглы"), "Мамедов Р.И.")
        self.assertEqual(fmt.initials("Платон"), "Платон")
        self.assertEqual(fmt.initials(False), "")

    def test_gender_from_patronymic(self):
        self.assertEqual(fmt.by_gender("Соколова Елена Андреевна", "именуемый", "именуемая"), "именуемая")
        self.assertEqual(fmt.by_gender("Ковалёв Сергей Николаевич", "именуемый", "именуемая"), "именуемый")
        self.assertEqual(fmt.by_gender("Ли Мин", "именуемый", "именуемая"), "именуемый (именуемая)")
        self.assertEqual(fmt.by_gender("Ли Мин", "работник", "работница", "работник"), "работник")
        self.assertEqual(fmt.gender("Мамедов Рашид Ибрагим оглы"), "m")
        self.assertEqual(fmt.gender("Алиева Лейла Ибрагим кызы"), "f")
        self.assertIsNone(fmt.gender("Смит Джон Ли"))

    def test_amounts_and_percentages_in_words(self):
        self.assertEqual(fmt.amount(6000), "6 000,00")
        self.assertEqual(fmt.amount(None), "0,00")
        self.assertEqual(fmt.money_words(6000, RUB), "6 000,00 (шесть тысяч) руб. 00 коп.")
        self.assertEqual(
            fmt.money_words(12345.67, RUB), "12 345,67 (двенадцать тысяч триста сорок пять) руб. 67 коп."
        )
        self.assertEqual(fmt.money_words(1, RUB), "1,00 (один) руб. 00 коп.")
        self.assertEqual(fmt.money_words(1), "1,00 (один) руб. 00 коп.")
        self.assertEqual(fmt.money_words(2.5, EUR), "2,50 (два) Euros 50 Cents")
        self.assertEqual(fmt.percent_words(15), "15 (пятнадцать) %")
        self.assertEqual(fmt.percent_words(12.5), "12,5 (двенадцать целых пять десятых) %")
        self.assertEqual(fmt.percent_words(21.25), "21,25 (двадцать одна целая двадцать пять сотых) %")
        self.assertEqual(fmt.number_words(11.01), "одиннадцать целых одна сотая")
        self.assertEqual(fmt.number_words(2.2), "две целых две десятых")
        self.assertEqual(fmt.copies_words(4), "в четырёх экземплярах")
        self.assertEqual(fmt.copies_words(3), "в трёх экземплярах")

    def test_years(self):
        self.assertEqual(fmt.years(1), "1 год")
        self.assertEqual(fmt.years(3), "3 года")
        self.assertEqual(fmt.years(11), "11 лет")
        self.assertEqual(fmt.years(12), "12 лет")
        self.assertEqual(fmt.years(20), "20 лет")
        self.assertEqual(fmt.years(21), "21 год")
        self.assertEqual(fmt.years(22), "22 года")
        self.assertEqual(fmt.years(None), "0 лет")

    def test_positions_in_running_text(self):
        self.assertEqual(fmt.lower_first("Преподаватель математики"), "преподаватель математики")
        self.assertEqual(fmt.lower_first("ООО «Кузбассуголь»"), "ООО «Кузбассуголь»")
        self.assertEqual(
            fmt.with_position("Петров Илья Сергеевич", "Преподаватель информатики"),
            "Петров Илья Сергеевич, преподаватель информатики",
        )
        self.assertEqual(fmt.with_position("Петров Илья Сергеевич", ""), "Петров Илья Сергеевич")

    def test_clauses_of_agreements(self):
        self.assertEqual(fmt.clause("  очные встречи;  "), "очные встречи")
        self.assertEqual(fmt.clause("", "по умолчанию,"), "по умолчанию")
        self.assertEqual(fmt.clause(False), "")
