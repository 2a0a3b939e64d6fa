"""Dates in a sentence resolve against the article's date."""

import datetime as dt

from briefing.text.dates import resolve

FRIDAY = dt.date(2025, 12, 5)


def test_weekday_resolves_to_the_latest_such_day_and_is_approximate():
    assert resolve("Putin held talks on Tuesday night.", FRIDAY) == (dt.date(2025, 12, 2), True)


def test_explicit_date_wins_and_is_exact():
    assert resolve("On Tuesday, Dec. 2, 2025, they met.", FRIDAY) == (dt.date(2025, 12, 2), False)
    assert resolve("launched its war on Feb. 24, 2022.", FRIDAY) == (dt.date(2022, 2, 24), False)


def test_month_without_year_takes_the_latest_past_one():
    assert resolve("They met on November 30.", FRIDAY) == (dt.date(2025, 11, 30), False)


def test_a_day_named_without_a_year_weeks_ahead_is_in_the_coming_year():
    december = dt.date(2024, 12, 29)
    mourning = "He declared a national mourning period until January 4."
    assert resolve(mourning, december) == (dt.date(2025, 1, 4), False)
    assert resolve("The vote is on March 5.", dt.date(2024, 2, 20)) == (dt.date(2024, 3, 5), False)
    assert resolve("It began on December 31.", dt.date(2025, 1, 2)) == (
        dt.date(2024, 12, 31),
        False,
    )
    assert resolve("It happened on March 2.", dt.date(2024, 9, 1)) == (dt.date(2024, 3, 2), False)


def test_a_day_named_without_a_year_months_back_stays_in_the_past():
    july = dt.date(2024, 7, 20)
    assert resolve("The Hamas attack on October 7 killed 1,200 people.", july)[0] == dt.date(
        2023, 10, 7
    )
    retaliate = "Israel said it would retaliate for the October 7 attack."
    assert resolve(retaliate, july)[0] == dt.date(2023, 10, 7)
    assert resolve("MPs will vote on March 20.", dt.date(2024, 1, 10))[0] == dt.date(2024, 3, 20)


def test_yesterday_and_no_date():
    assert resolve("The meeting ended late yesterday.", FRIDAY) == (dt.date(2025, 12, 4), True)
    assert resolve("No date here.", FRIDAY) == (None, False)


def test_a_weekday_ahead_resolves_forward():
    assert resolve("Talks resume next Monday in Geneva.", FRIDAY) == (dt.date(2025, 12, 8), True)
    assert resolve("The envoys will meet in Miami on Tuesday.", FRIDAY) == (
        dt.date(2025, 12, 9),
        True,
    )


def test_a_weekday_before_a_future_verb_stays_in_the_past():
    text = "Ushakov said on Tuesday that contacts will continue."
    assert resolve(text, FRIDAY) == (dt.date(2025, 12, 2), True)


def test_a_reported_plan_some_words_before_its_weekday_resolves_forward():
    monday = dt.date(2018, 1, 1)
    text = "Soto said authorities would begin identifying the remains through DNA tests Tuesday."
    assert resolve(text, monday) == (dt.date(2018, 1, 2), True)
    said = "Officials, who would not give their names, said Saturday the plane fell."
    assert resolve(said, monday) == (dt.date(2017, 12, 30), True)


def test_a_refusal_to_comment_on_a_weekday_stays_in_the_past():
    monday = dt.date(2018, 1, 1)
    text = "A spokesman for the ministry would not comment on Monday."
    assert resolve(text, monday) == (monday, True)
    text = "The talks will continue, a senior official in the ministry confirmed Monday."
    assert resolve(text, monday) == (monday, True)


def test_the_day_after_the_articles_date_is_that_day_not_six_days_back():
    sunday = dt.date(2017, 12, 31)
    text = "Investigators said Monday that strong winds most likely caused the crash."
    assert resolve(text, sunday) == (dt.date(2018, 1, 1), True)
    assert resolve("The bodies were recovered Sunday night.", sunday) == (sunday, True)
    assert resolve("The plane left on Saturday.", sunday) == (dt.date(2017, 12, 30), True)


def test_against_a_guessed_article_date_a_weekday_is_never_the_day_after():
    # a crawl's date, bounded by the day briefed (a Saturday): Sunday is the one before
    saturday = dt.date(2016, 4, 9)
    text = "The storm made landfall on Sunday as the paper released the documents."
    assert resolve(text, saturday, exact=False) == (dt.date(2016, 4, 3), True)
    assert resolve(text, saturday) == (dt.date(2016, 4, 10), True)


def test_a_possessive_weekday_names_an_earlier_event_not_the_sentences_own_day():
    rose = "The death toll from Tuesday's earthquake rose to 14 on Wednesday, officials said."
    assert resolve(rose, FRIDAY) == (dt.date(2025, 12, 3), True)
    assert resolve("Tuesday's earthquake killed 12 people.", FRIDAY) == (dt.date(2025, 12, 2), True)


def test_a_possessive_weekday_after_another_event_does_not_date_the_sentence():
    coup = (
        "Officers announced taking over power minutes after the election centre announced "
        "Bongo as the winner of Saturday's election."
    )
    assert resolve(coup, FRIDAY) == (None, False)
    killed = "At least 12 people were killed in Tuesday's earthquake."
    assert resolve(killed, FRIDAY) == (dt.date(2025, 12, 2), True)


def test_a_later_weekday_in_a_clause_about_an_earlier_event_is_not_the_sentences_day():
    quake = "Monday’s quake, which followed a smaller tremor on Saturday, killed 12 people."
    assert resolve(quake, FRIDAY) == (dt.date(2025, 12, 1), True)
