"""Where sources differ: numbers of the same thing and wordings of the same remark, cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.chunk import segment
from briefing.disagree import differences, key_figures
from briefing.ingest import make_article
from briefing.quotes import find_quotes


def articles_of(*texts: str):
    return [make_article(n, Path(f"{n}.txt"), t) for n, t in enumerate(texts, 1)]


def run(*texts: str, published: dt.date | None = None):
    """Where the articles of `texts` differ; with `published`, every article is of that day."""
    articles = articles_of(*texts)
    dates = {a.id: published for a in articles} if published else None
    return differences(segment(articles).sentences, find_quotes(articles), dates)


def test_durations_of_the_same_war_that_differ_are_reported_with_each_side_cited():
    (difference,) = run(
        "Talks on ending the nearly four-year war were constructive.",
        "Leavitt hoped to end the three-and-a-half-year war soon.",
    )
    assert difference.kind == "number"
    assert [v.text for v in difference.variants] == [
        "nearly four-year war",
        "three-and-a-half-year war",
    ]
    assert [v.evidence[0].sentence_id for v in difference.variants] == ["a1.s1", "a2.s1"]


def test_how_long_a_jury_deliberated_is_compared():
    (difference,) = run(
        "Jurors convicted him after deliberating for 9.5 hours over two days.",
        "After more than four hours of deliberation, the jury returned its verdict.",
    )
    assert difference.about == "length of the deliberations"
    assert [v.text for v in difference.variants] == [
        "deliberating for 9.5 hours",
        "more than four hours of deliberation",
    ]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (  # two sides of one swap
            "Russia freed 16 people, including journalist Evan Gershkovich.",
            "The United States and Germany released eight people held in their prisons.",
        ),
        (  # two shooters
            "Police officers fired 12 rounds at the suspect before he was arrested.",
            "The gunman fired more than 1,000 rounds from the 32nd floor, police said.",
        ),
        (  # "the fire" is no act done to the people counted
            "About 150 people were inside Grenfell Tower when the fire broke out.",
            "Police said 12 people had been interviewed about the fire at Grenfell Tower.",
        ),
        (  # a part of what a debtor owes
            "Evergrande has more than $300 billion in liabilities.",
            "Evergrande owes about $23 billion in offshore debt, Reuters calculations show.",
        ),
    ],
)
def test_counts_of_different_doers_or_a_part_are_no_difference(one: str, other: str):
    assert run(one, other) == []


def test_deliberations_in_court_days_or_one_sittings_hours_are_no_rival_of_the_total():
    total = "The jury reached its verdict after more than 10 hours of deliberations."
    assert run("He was convicted after two days of deliberations.", total) == []
    sitting = "The jury deliberated for about four hours on Monday before going home."
    assert run(sitting, total) == []


def test_the_same_number_written_differently_is_not_a_difference():
    assert run("The five-hour meeting ended.", "Five hours of talks ended late.") == []


def test_two_wordings_of_one_remark_by_the_same_speaker_are_reported():
    (difference,) = run(
        "Ushakov called the talks “rather useful, constructive, rather substantive,” he said.",
        "Ushakov described the talks as “extremely useful, constructive, and substantive.”",
    )
    assert difference.kind == "quote"
    assert difference.about == "Ushakov’s words"
    texts = [v.text for v in difference.variants]
    assert texts[0] == "rather useful, constructive, rather substantive,"
    assert texts[1].startswith("extremely useful, constructive, and substantive")


def test_identical_quotes_in_two_outlets_do_not_differ():
    text = "“So far, a compromise hasn’t been found,” Ushakov said."
    assert run(text, "In Moscow. " + text) == []


def test_a_name_written_short_in_one_quotation_and_long_in_another_is_one_wording():
    assert (
        run(
            "“On behalf of the U.S. Coast Guard, I offer my deepest condolences,” Mauger said.",
            "“On behalf of the United States Coast Guard, I offer my deepest condolences,” "
            "Mauger said.",
        )
        == []
    )


def test_reported_speech_and_a_cut_or_doubled_quotation_are_not_other_wordings():
    quoted = (
        "“This is designed to be a permanent cessation of hostilities,” Biden said. “Hezbollah "
        "will not be allowed to threaten the security of Israel again,” Biden said."
    )
    assert (
        run(
            quoted,
            "Biden said the ceasefire is designed to be a permanent cessation of hostilities.",
            "“Hezbollah will not be allowed be allowed to threaten the security",
        )
        == []
    )


def test_a_quotation_that_drops_a_not_is_another_wording():
    (difference,) = run(
        "“We will not accept any deal that leaves Russian troops on our land,” Zelensky said.",
        "Zelensky said: “We will accept any deal that leaves Russian troops on our land.”",
    )
    assert difference.about == "Zelensky’s words"


def test_a_total_broken_down_after_including_is_still_set_against_another_total():
    (difference,) = run(
        "The earthquake killed 273 people, including 117 in Mexico City, 55 in Morelos and 39 in "
        "Puebla, officials said.",
        "The earthquake killed 225 people, officials said on Wednesday.",
    )
    assert [v.text for v in difference.variants] == ["225 people", "273 people"]


def test_jobs_cut_are_not_set_against_the_headcount_that_remains():
    assert (
        run(
            "Intel said on Thursday it would cut 15,000 jobs to save money.",
            "Intel will cut 15,000 jobs and reduce headcount to about 100,000 employees.",
        )
        == []
    )


def test_jobs_cut_told_as_people_or_a_number_differ_and_a_share_of_the_workforce_stays_apart():
    (difference,) = run(
        "Intel said it would cut more than 15% of its workforce, around 17,500 people.",
        "Intel is cutting 15,000 jobs, or 15 percent of its workforce.",
        "Based on that, the number of jobs it plans to cut would be more than 18,500.",
    )
    assert difference.about == "Jobs cut"
    assert [v.text for v in difference.variants] == [
        "15,000 jobs", "around 17,500 people", "more than 18,500"
    ]  # fmt: skip


def test_one_companys_share_fall_differs_between_sources_but_two_companies_do_not():
    (difference,) = run(
        "Intel shares plunged 19 percent in after-hours trading.",
        "Intel share price slumped 21% before the opening bell. Nvidia shares fell 3%.",
    )
    assert difference.about == "Share price fall (Intel)"
    assert [v.text for v in difference.variants] == ["19 percent", "21%"]


@pytest.mark.parametrize(
    "recalled",
    [
        "After Morocco's earthquake killed nearly 3,000 people last week, aid groups are busy.",
        "Texas floods killed 135 people in July, officials recalled.",
    ],
)
def test_a_toll_of_another_event_opening_a_sentence_is_no_rival(recalled: str):
    story = "Floods in Derna killed 11,300 people, the Red Crescent said."
    assert run(story, story.replace("the Red Crescent", "officials"), recalled) == []


def test_a_toll_of_an_earlier_years_event_the_story_recalls_is_no_rival():
    texts = [
        "The Maui wildfire has killed 89 people, officials said.",
        "The fire surpassed the tsunami that killed 61 people on the Big Island in 1960.",
        "The toll passed that of the 2018 Camp Fire in California, which left 85 dead.",
        "Maui officials said 93 people have died, the deadliest US wildfire since 1918.",
        # a list of earlier disasters, each entry set in its year
        "In November 2009, a fire that started in a canyon swept through the hills above the "
        "small town of Paradise, killing 13 people.",
        "An arsonist's blaze killed 22 people at a ranch that had hosted summer camps for "
        "decades in the Sierra Nevada foothills in April 2009.",
        # an earlier year named without its number
        "That year, a report said, fires were responsible for 64 deaths in the state.",
        "A dozen campers died in a blaze on the island more than a year ago.",
    ]
    (toll,) = run(*texts, published=dt.date(2023, 8, 13))
    assert [v.text for v in toll.variants] == ["89 people", "93 people"]


def test_a_record_measured_against_an_earlier_event_is_no_rival_of_the_toll():
    texts = [
        "A gunman killed 19 children and two teachers at an elementary school in Texas.",
        "Nineteen children were killed at the school, officials said on Wednesday.",
        # what follows "the deadliest ... since" tells the earlier event, year or not
        "It was the worst school shooting in the U.S. since a gunman killed 20 children and six "
        "adults at Sandy Hook Elementary in Newtown, Connecticut, in late 2012.",
        "It was the deadliest school shooting since the massacre at Sandy Hook, when a gunman "
        "shot dead 26 people, including 20 children between the ages of 6 and 7.",
    ]
    assert run(*texts, published=dt.date(2022, 5, 25)) == []


def test_a_part_named_after_its_whole_is_no_rival():
    assert (
        run(
            "In addition to those who died, 17 people, including three law enforcement officers "
            "suffered injuries, Abbott said.",
            "At the school, at least 17 other people were injured in the attack, Olivarez said.",
        )
        == []
    )


def test_how_long_a_strike_a_deal_and_a_familys_rule_have_lasted_are_compared():
    differing = run(
        "The union reached a deal with Ford, ending the strike that has lasted 41 days.",
        "Fain announced the accord 40 days into the union's strike against the Big Three.",
        "The tentative agreement totals 25% over a 4.5-year contract, with 11% the first year.",
        "The Associated Press reported the deal is for four years.",
        "Bongo sought to extend the rule of his family which has lasted for 56 years.",
        "Ali Bongo, whose family has ruled for 55 years, was in power for 14 years.",
    )
    assert [(d.about, [v.text for v in d.variants]) for d in differing] == [
        ("length of the strike", [
            "strike that has lasted 41 days", "40 days into the union's strike",
        ]),
        ("length of the deal", ["4.5-year contract", "deal is for four years"]),
        ("length of the family's rule", [
            "family which has lasted for 56 years", "family has ruled for 55 years",
        ]),
    ]  # fmt: skip


def test_a_record_measured_against_an_earlier_event_keeps_the_figure_of_this_one():
    (toll,) = run(
        "It was the deadliest earthquake in Morocco since 1960, killing 2,012 people.",
        "The quake killed 2,497 people, the interior ministry said on Tuesday.",
    )
    assert [v.text for v in toll.variants] == ["2,012 people", "2,497 people"]


def test_time_elapsed_and_one_leaders_years_are_no_lengths_to_compare():
    assert (
        run(
            "The four-day truce began on Friday morning.",
            "Two days into the truce, the second group of hostages was freed.",
            "The 4.5-year contract was reached in an agreement that took six weeks.",
            "Ali Bongo, heir to a family dynasty, ruled for 14 years.",
            "Bongo, whose family has ruled for 56 years, was deposed.",
        )
        == []
    )


def test_a_toll_after_an_age_range_is_counted():
    (toll,) = run(
        "In the attack, between the ages of 6 and 10, 25 children were killed, officials said.",
        "The attack killed 19 children, officials said.",
    )
    assert [v.text for v in toll.variants] == ["19 children", "25 children"]


def test_a_running_total_a_planes_size_and_the_day_a_statement_was_made_are_no_rivals():
    texts = [
        "A plane with 68 passengers crashed into the gorge on Sunday, killing 68 people.",
        "Remains of 68 people onboard a 72-seater passengers aircraft have been retrieved.",
        "Nearly 350 people have died since 2000 in plane or helicopter crashes in Nepal.",
        "The authority on Monday said the recorders from the plane that crashed were found.",
    ]
    assert run(*texts, published=dt.date(2023, 1, 16)) == []


def test_qualified_lengths_that_can_both_be_true_are_no_difference():
    assert (
        run(
            "The leaders met for nearly five hours of talks on Tuesday.",
            "The summit ended after more than four hours of talks.",
        )
        == []
    )


def test_a_reporters_paraphrase_around_a_quoted_phrase_is_no_other_wording():
    assert (
        run(
            "“We will do it as fast as it can mechanically and physically be done,” Trump said.",
            "Trump said Kim would give up weapons as fast as it can “mechanically and physically” "
            "be done.",
        )
        == []
    )


def test_a_paraphrase_after_a_quotation_in_the_same_sentence_is_no_other_wording():
    assert (
        run(
            "“These people are heroes,” Moore said. “They saved lives last night.”",
            "“We are thankful that officials stopped the traffic,” Moore told reporters, adding "
            "that the intervention saved lives.",
        )
        == []
    )


def test_an_earlier_sum_set_beside_the_storys_is_no_rival():
    assert (
        run(
            "The EU fined Google €4.34bn for abusing the dominance of Android.",
            "The EU fined Google €4.34bn, which dwarfs the €2.1bn fine imposed on it before.",
            "In June last year, regulators already fined Google €2.42bn over shopping results.",
        )
        == []
    )


# --- counts, amounts and rates ------------------------------------------------------------------


def test_death_tolls_that_cannot_both_be_true_are_one_difference_listing_every_value():
    (difference,) = run(
        "The death toll has now reached more than 5,200, the interior minister said.",
        "The death toll in the coastal city has soared to 11,300, the Red Crescent said.",
        "The death toll in the city has soared to 11,300, the aid group said on Friday.",
    )
    assert (difference.kind, difference.about) == ("number", "Death toll")
    assert [(v.text, v.article_ids) for v in difference.variants] == [
        ("more than 5,200", ["a1"]),
        ("11,300", ["a2", "a3"]),
    ]


def test_a_lower_bound_below_the_exact_figure_is_no_difference():
    assert (
        run(
            "The death toll has reached at least 5,000, officials said.",
            "The death toll has reached 5,200, the minister said.",
        )
        == []
    )


def test_two_figures_in_one_article_are_no_difference_between_sources():
    assert run("The toll rose to 5,200 on Monday; on Friday the toll rose to 11,300.") == []


def test_figures_of_different_things_or_places_are_not_compared():
    assert (
        run(
            "About 10,000 people were reported missing, the IFRC said.",
            "The death toll has risen to 11,300, the Red Crescent said.",
            "Hackers stole the data of up to 44 million Britons, the paper said.",
            "The breach exposed the data of 143 million Americans, the company said.",
        )
        == []
    )


def test_sums_in_one_currency_differ_but_a_conversion_does_not_count():
    (difference,) = run(
        "UBS agreed to buy Credit Suisse for 3 billion Swiss francs ($3.2 billion).",
        "UBS has agreed to buy Credit Suisse after raising its offer to more than $2 billion.",
        "UBS will buy Credit Suisse for more than $3 billion, the banks said.",
    )
    assert difference.about == "Deal value"
    assert [v.text for v in difference.variants] == [
        "3 billion Swiss francs",
        "more than $2 billion",
        "more than $3 billion",
    ]


def test_a_figure_from_another_event_the_article_recalls_is_not_a_rival():
    assert (
        run(
            "Equifax said the breach affected 143 million consumers, it said on Thursday.",
            "Equifax said the breach affected 143 million consumers in all, it said.",
            "Yahoo disclosed two attacks which affected as many as one billion consumers.",
        )
        == []
    )


def test_an_article_that_sets_a_figure_against_another_sources_is_a_difference():
    (difference,) = run(
        "About 10,000 people were reported missing, the federation said.",
        "A further 10,000 people were still missing, lower than the 20,000 a spokesman gave.",
    )
    assert difference.about == "Missing"
    assert "20,000" in [v.text for v in difference.variants]


def test_lengths_in_different_units_are_compared():
    (difference,) = run(
        "He was convicted after a month-long trial in Manhattan.",
        "A jury convicted him after a five-week trial.",
    )
    assert [v.text for v in difference.variants] == ["month-long trial", "five-week trial"]


def test_a_length_hyphenated_to_its_noun_is_read():
    (difference,) = run(
        "The guild reached a tentative agreement that would end the 146-day-strike.",
        "The Writers Guild of America's 148-day strike is officially coming to an end.",
    )
    assert [v.text for v in difference.variants] == ["146-day-strike", "148-day strike"]


def test_the_length_of_a_truce_and_the_number_of_hostages_held_are_compared():
    truce, hostages = run(
        "The cabinet approved a deal to free 50 women during a 'five-day truce'. There are 239 "
        "hostages being held captive in Gaza by Hamas.",
        "Qatar announced a four-day truce. Hamas is still holding 250 hostages, including several "
        "Americans, officials said.",
    )
    assert [v.text for v in truce.variants] == ["five-day truce", "four-day truce"]
    assert hostages.about == "Hostages held"
    # taken in the attack and held now are two measures, not rivals
    assert (
        run(
            "Hamas and Israel resumed talks on Gaza. Hamas took about 240 hostages in its attack.",
            "Hamas and Israel resumed talks on Gaza. Hamas still holds 137 hostages, they said.",
        )
        == []
    )


def test_tolls_of_two_countries_are_not_rivals_but_one_countrys_name_changes_nothing():
    two = run(
        "In Turkey, at least 1,760 people were killed, officials said.",
        "Syria's health ministry said at least 461 people have died.",
        "In Syria, 326 people were killed, a monitor said.",
    )
    assert [d.about for d in two] == ["Death toll (Syrians)"]
    (one,) = run(
        "The blast killed at least 135 people in Lebanon, its health minister said.",
        "At least 70 people were killed in the blast, officials in Beirut said.",
        "Officials in Lebanon said at least 100 people had died in the port blast.",
    )
    assert one.about == "Death toll"
    # the country that attacked is not where the dead are from
    (toll,) = run(
        "Russia and Ukraine traded blame. The night attack by Russia killed at least 20 people.",
        "Russia and Ukraine traded blame. At least 35 people were killed in the overnight attack.",
    )
    assert toll.about == "Death toll"


def test_the_length_of_a_ship_is_compared_across_units():
    (difference,) = run(
        "The 948-foot vessel lost power around 1:30am.",
        "The crew could not steer the 985-foot-long vessel.",
        "They lost control of the almost 300-metre-long vessel.",
    )
    assert difference.about == "length of the ship"
    assert [v.text for v in difference.variants] == [
        "948-foot vessel",
        "985-foot-long vessel",
        "almost 300-metre-long vessel",
    ]
    assert run("The 985-foot ship sailed.", "The 300-metre ship sailed.") == []
    assert (
        run("The 1.6-mile bridge fell on Tuesday.", "The 2.6-kilometre bridge fell on Tuesday.")
        == []
    )
    # where something is, not how long the bridge is
    assert run("The 1.6-mile bridge fell.", "Divers searched 2 miles from the bridge.") == []


def test_the_age_of_a_bank_differs_but_ages_of_people_are_left_alone():
    (difference,) = run(
        "Officials raced to rescue the 167-year-old bank.",
        "It marks the fall of a 166-year-old institution. Irene Steinberg, 51, died.",
        "Bruce Steinberg, 50, was among the dead.",
    )
    assert difference.about == "age of the bank"


# --- claims -------------------------------------------------------------------------------------


def test_a_ship_said_to_fly_two_flags_is_a_difference():
    (difference,) = run(
        "The Lighthouse Winmore, a Hong Kong-flagged ship, is seen in waters off Yeosu.",
        "Lighthouse Winmore is registered in the Marshall Islands, according to Chosun Ilbo.",
    )
    assert (difference.kind, difference.about) == ("claim", "Flag of the Lighthouse Winmore")
    assert [v.text for v in difference.variants] == [
        "The Lighthouse Winmore, a Hong Kong-flagged ship",
        "Lighthouse Winmore is registered in the Marshall Islands",
    ]


def test_one_event_given_two_weekdays_is_one_difference():
    (difference,) = run(
        "As the storm pounded the coast on Sunday night, two dams outside the city collapsed.",
        "As the storm pounded the coast on Monday, residents said two dams collapsed.",
    )
    assert difference.about == "When the storm hit"
    assert [v.text for v in difference.variants] == [
        "storm pounded the coast on Sunday night",
        "storm pounded the coast on Monday",
    ]


def test_a_date_and_a_weekday_of_one_deal_are_compared_by_weekday():
    (difference,) = run(
        "The world approved a climate deal on Sunday after two weeks of talks.",
        "On 23 November 2024, CNN reported that countries reached a climate deal at COP29.",
    )
    assert difference.about == "When the deal was reached"
    assert (
        run(
            "The world approved a climate deal on Sunday after two weeks of talks.",
            "On 24 November 2024, nearly 200 countries reached a climate deal.",
        )
        == []
    )


def test_two_days_set_for_a_truce_to_begin_are_a_difference():
    (difference,) = run(
        "The truce is expected to begin Thursday morning.",
        "A ceasefire in the Gaza Strip will begin at 7:00 a.m. local time on Friday, he said.",
    )
    assert difference.about == "When the truce begins"
    # the day the truce was approved is not the day it begins; a tariff pause is no truce
    assert (
        run(
            "On Wednesday, the cabinet approved a four-day truce that is expected to begin soon.",
            "The truce will begin on Thursday morning, Qatar said.",
            "The 30-day pause on tariffs was extended.",
            "A 90-day pause on tariffs was agreed.",
        )
        == []
    )


def test_a_date_in_a_relative_clause_is_not_the_deal_s_day():
    # October 7 is when the hostages were taken, not when the cabinet approved the deal
    assert (
        run(
            "The cabinet has approved a deal that will see 50 women kidnapped by Hamas on "
            "October 7 freed during a truce.",
            "The Israeli Cabinet on Tuesday approved a Qatar-mediated deal.",
        )
        == []
    )


def test_a_person_named_by_one_source_and_not_released_by_another_is_a_difference():
    (difference,) = run(
        "Cubillo identified the pilot as Juan Manuel Retana and described him as experienced.",
        "The names of the crew members have not been formally released, a cousin said.",
    )
    assert difference.about == "Who the crew is"


def test_a_set_date_against_a_later_date_is_a_difference_about_the_schedule():
    (difference,) = run(
        "Sentencing was scheduled for March 28, per the AP.",
        "His sentence will be determined by Judge Lewis Kaplan at a later date.",
    )
    assert difference.about == "When the sentencing is"
    assert run("Sentencing was set for March 28.", "Sentencing is scheduled for March 28.") == []


def test_one_person_given_two_offices_of_one_organisation_is_a_difference():
    (difference,) = run(
        "MDC Alliance chairman Morgan Komichi called the results fake before he was led away.",
        "Police escorted MDC spokesman Morgan Komichi from the stage in Harare on Thursday.",
    )
    assert difference.about == "Morgan Komichi’s office"
    assert [v.text for v in difference.variants] == [
        "MDC Alliance chairman Morgan Komichi",
        "MDC spokesman Morgan Komichi",
    ]
    # The same office in other words, or offices one person often holds together, agree.
    assert (
        run(
            "UBS chairman Colm Kelleher called it an emergency rescue on Sunday evening.",
            "Colm Kelleher, the UBS chairwoman, told reporters the bank would keep the unit.",
        )
        == []
    )
    assert (
        run(
            "Opposition leader Nelson Chamisa rejected the result on Friday in Harare.",
            "MDC president Nelson Chamisa rejected the result on Friday in Harare.",
        )
        == []
    )


# --- speakers -----------------------------------------------------------------------------------


def test_a_weekday_is_never_a_speaker():
    found = run(
        "“The talks were useful and constructive and frank,” Friday. He said more later.",
        "“The talks were extremely useful and constructive,” Ushakov said.",
    )
    assert all("Friday" not in d.about for d in found)


def test_an_unattributed_quotation_sharing_most_of_a_remark_is_another_wording():
    (difference,) = run(
        "“I regret that this document is nothing more than an optical illusion,” Raina said.",
        "“This document is little more than an optical illusion. It will not do,” she added.",
    )
    assert difference.about == "Raina’s words"


def test_a_part_of_the_same_quotation_is_not_another_wording():
    assert (
        run(
            "“Bankman-Fried perpetrated one of the biggest financial frauds in American history,” "
            "Williams said.",
            "He was charged with “one of the biggest financial frauds in American history.”",
        )
        == []
    )


def test_the_same_words_in_another_order_and_length_are_another_remark():
    assert (
        run(
            "“This is not a Swiss solution,” Kelleher said of the takeover.",
            "Kelleher said: “A solution has been found to protect the Swiss economy.”",
        )
        == []
    )


# --- key figures --------------------------------------------------------------------------------


def test_key_figures_give_one_line_per_measured_thing_most_cited_first():
    articles = articles_of(
        "The death toll has soared to 11,300. About 10,000 people are missing.",
        "The death toll rose to 11,300, the aid group said.",
        "The death toll reached more than 5,200, a minister said.",
    )
    figures = key_figures(segment(articles).sentences)
    assert [(f.about, f.value, f.article_ids) for f in figures] == [
        ("Death toll", "11,300", ["a1", "a2"]),
        ("Missing", "About 10,000 people", ["a1"]),
    ]
    assert all(f.text in e.text for f in figures for e in f.evidence[:1])


def test_one_figure_under_two_labels_of_one_measure_is_one_key_figure():
    texts = [
        "The vessel transferred 600 tons of refined petroleum to a North Korean ship.",
        "The ship, reports said, moved 600 tons of refined oil to a North Korean vessel.",
        "It carried 25 tons of rice to the port.",
    ]
    articles = articles_of(*texts)
    figures = key_figures(segment(articles).sentences)
    assert [f.about for f in figures] == ["Tonnes of refined petroleum", "Tonnes of rice"]


def test_a_measure_where_sources_differ_lists_is_not_repeated_as_a_key_figure():
    texts = [
        "The death toll rose to 11,300. About 10,000 people are missing.",
        "The death toll reached more than 5,200, a minister said.",
    ]
    sentences = segment(articles_of(*texts)).sentences
    contested = frozenset(d.about for d in differences(sentences, []) if d.kind == "number")
    assert "Death toll" in contested
    figures = key_figures(sentences, contested=contested)
    assert [f.about for f in figures] == ["Missing"]


def test_a_breakdown_by_place_and_a_count_of_children_are_no_rivals_of_the_total_toll():
    differing = run(
        "Officials have tallied 117 dead in Mexico City, 55 in Morelos, 39 in Puebla and 12 in "
        "Mexico state.",
        "The quake killed at least 273 people, officials said on Thursday.",
        "The quake killed 19 children and six adults at the school.",
        "At the school, 20 children were killed, the navy said.",
    )
    assert [(d.about, [v.text for v in d.variants]) for d in differing] == [
        ("Death toll (children)", ["19 children", "20 children"])
    ]


def test_the_shares_of_two_candidates_are_not_a_difference_but_one_candidates_are():
    assert (
        run(
            "Ortega won 52.1 percent of the vote, the commission said.",
            "Ortega won 52.1 per cent of votes to 41.5 per cent for challenger Maria Lopez.",
            "Lopez took 41.5 percent of the vote.",
        )
        == []
    )
    (difference,) = run(
        "Ortega won 52.1 percent of the vote, the commission said.",
        "Ortega won 53 percent of the vote, according to the count.",
    )
    assert difference.about == "Vote share (Ortega)"
    assert [v.text for v in difference.variants] == [
        "52.1 percent of the vote",
        "53 percent of the vote",
    ]


def test_a_running_count_is_not_set_against_the_result():
    assert (
        run(
            "Ortega received 1,204,311 votes, the commission said.",
            "Ortega had 1.1 million votes counted after eight of the nine provinces reported.",
        )
        == []
    )


def test_two_remarks_that_name_the_same_people_are_not_two_wordings():
    assert (
        run(
            "Judge Ruiz said: “Carlos Ortega Vega is duly declared the winner of the elections.”",
            "Ruiz said the appeal had failed “with costs and Carlos Ortega is the president now.”",
        )
        == []
    )


def test_one_remark_quoted_fuller_in_one_outlet_and_shorter_in_another_is_one_wording():
    # Words added ("duly") or left out ("July 30") are one remark; a word put in another's
    # place ("nothing more" for "little more") is another wording.
    assert (
        run(
            "Judge Ruiz said: “The application is dismissed with costs and Carlos Ortega is "
            "declared the winner of the July 30 presidential elections,” the court heard.",
            "Ruiz said Ortega “is duly declared the winner of the presidential elections”.",
        )
        == []
    )
    (difference,) = run(
        "Raina said: “I regret to say this document is nothing more than an optical illusion.”",
        "“This document is little more than an optical illusion,” Raina said.",
    )
    assert difference.about == "Raina’s words"


def test_figures_that_differ_only_by_rounding_are_listed_and_said_to_be_rounded():
    (difference,) = run(
        "Ortega won 52.1 percent of the vote, the commission said.",
        "Ortega won 52% of the vote, officials said.",
    )
    assert difference.about == "Vote share (Ortega), rounded differently"
    assert [v.text for v in difference.variants] == ["52% of the vote", "52.1 percent of the vote"]
    (exact,) = run("6,000 people died in Derna.", "5,700 people died in Derna.")
    assert exact.about == "Death toll"
    assert run("About 6,000 people died in Derna.", "5,900 people died in Derna.") == []


def test_the_day_a_winner_is_declared_is_compared_like_any_one_time_event():
    (difference,) = run(
        "Ortega was Thursday night declared winner of the presidential election.",
        "Ortega has won the election, the commission announced early on Friday morning.",
    )
    assert difference.about == "When the result was declared"
    assert {v.text for v in difference.variants} == {
        "Thursday night declared",
        "announced early on Friday morning",
    }
    # Not the day of the outcome: recalled in a relative clause, another clause's day, no vote.
    assert run("Ortega, who was found guilty of fraud last year, was sentenced on Thursday.",
               "A jury found Ortega guilty of fraud, and on Friday his lawyers said they would "
               "appeal.") == []  # fmt: skip
    assert run("Ortega, who won the caucuses, announced on Tuesday that he would skip the debate.",
               "Ortega announced Monday his company had won a contract.") == []  # fmt: skip
    assert run("The commission announced on Friday that turnout was high.",
               "Officials announced on Thursday that counting had begun.") == []  # fmt: skip


def test_the_same_small_figure_in_two_sources_is_no_difference():
    for figure in ("1", "2", "4", "8", "16", "32"):
        assert run(f"The quake killed {figure} people.", f"The quake killed {figure} people.") == []
        assert run(f"Ortega won {figure} percent of the vote.",
                   f"Ortega won {figure} percent of the vote.") == []  # fmt: skip


def test_a_key_figure_in_a_long_sentence_reads_as_its_clauses_cut_with_an_ellipsis():
    from briefing.disagree.counts import clause_of
    from briefing.text.quantities import find_quantities

    said = (
        "In a shotgun merger engineered by Swiss authorities, UBS will buy Credit Suisse for "
        "more than $3 billion, and assume up to $5.4 billion in losses, the banks said on Sunday."
    )
    (losses,) = [q for q in find_quantities(said) if "5.4" in q.phrase]
    shown = clause_of(said, losses, limit=12)
    # Its own clause, not a window that starts on the other figure; the cuts are marked.
    assert shown == "…and assume up to $5.4 billion in losses…"
    assert shown.strip("…") in said
    toll = (
        "The number of casualties in the city of Derna has risen to 11,300, the Red Crescent said."
    )
    (count,) = find_quantities(toll)
    # A clause that says too little alone ("the Red Crescent said") is not where a figure is.
    assert clause_of(toll, count, limit=12) == (
        "The number of casualties in the city of Derna has risen to 11,300…"
    )


def test_a_key_figure_cut_inside_its_clause_ends_on_a_full_phrase_and_whole_names():
    from briefing.disagree.counts import clause_of
    from briefing.text.quantities import find_quantities

    said = (
        "The Swiss National Bank has agreed to offer a $100 billion liquidity line to Credit "
        "Suisse as part of the deal agreed late on Sunday evening in the Swiss capital Bern."
    )
    (line,) = [q for q in find_quantities(said) if "100" in q.phrase]
    shown = clause_of(said, line, limit=12)
    assert shown.strip("…") in said and "$100 billion" in shown
    # Not "…to Credit…" (half a name) or "…line to…" (a phrase left open).
    last = shown.rstrip("…").split()[-1]
    assert last not in {"Credit", "to", "of", "the"}
    first = shown.lstrip("…").split()[0]
    assert first not in {"National", "Bank"}


def test_parties_seats_are_held_by_their_whole_names_and_the_size_of_parliament_is_no_result():
    differing = run(
        "The ruling Awami League won 266 seats, and the Jatiya Party won 22 seats.",
        "The Awami League won 288 out of 300 seats, while the Jatiya Party took 22 seats.",
        "Winning over 260 seats, the alliance swept the vote, the Election Commission said.",
    )
    assert [(d.about, [v.text for v in d.variants]) for d in differing] == [
        ("Seats (Awami League)", ["266 seats", "288"])
    ]


def test_a_count_of_people_does_not_join_a_count_of_men():
    (difference,) = run(
        "Officials said 27 people died and four are missing.",
        "The toll of 39 comprises 29 men and 10 women, officials said.",
        "At least 27 people died in the storm, officials said.",
    )
    assert difference.about == "Death toll"


def test_a_party_named_short_and_whole_is_one_holder():
    (difference,) = run(
        "The Labour Party won 412 seats in the general election, results showed.",
        "Labour won 411 seats in the general election, results showed.",
        "Labour won 411 seats in the general election on Thursday.",
    )
    assert difference.about == "Seats (Labour Party)"


def test_one_outlet_rounding_every_candidates_share_is_one_line_naming_each_holder():
    (difference,) = run(
        "Mnangagwa won 51% of the vote, while Chamisa won 44% of the vote, the commission said.",
        "Mnangagwa won 50.8 percent of the vote. Chamisa won 44.3 percent of the vote.",
    )
    assert difference.about == "Vote share, rounded differently"
    assert [(v.holder, v.text) for v in difference.variants] == [
        ("Mnangagwa", "50.8 percent of the vote"),
        ("Mnangagwa", "51% of the vote"),
        ("Chamisa", "44% of the vote"),
        ("Chamisa", "44.3 percent of the vote"),
    ]


def test_the_share_a_candidate_needed_is_a_threshold_not_a_rival_result():
    assert (
        run(
            "Mnangagwa won 50.8 percent of the vote, the commission said on Friday.",
            "Mnangagwa needed over 50 per cent of the vote to avoid a run-off against Chamisa.",
        )
        == []
    )


def test_counts_rounded_differently_in_different_places_stay_on_lines_of_their_own():
    found = run(
        "Hackers stole the data of 400,000 Britons and 143 million people in the breach.",
        "Hackers stole the data of 400,030 Britons and 143.5 million people in the breach.",
    )
    assert all(v.holder is None for d in found for v in d.variants)


def test_a_key_figure_window_that_reaches_the_sentence_end_is_not_cut():
    from briefing.disagree.counts import window
    from briefing.text.quantities import find_quantities

    said = "Officials in the port city said on Wednesday the toll had risen to 14 in the city."
    (toll,) = find_quantities(said)
    assert window(said, toll, 12).endswith("to 14 in the city.")


def test_an_office_held_before_or_named_in_a_list_is_no_rival_office():
    assert (
        run(
            "Former MDC spokesman Douglas Mwonzora spoke to reporters in Harare on Friday.",
            "Douglas Mwonzora, MDC secretary-general, spoke to reporters in Harare on Friday.",
        )
        == []
    )
    assert (
        run(
            "The rally heard Tendai Biti, MDC Alliance chairman Morgan Komichi and others.",
            "MDC Alliance spokesman Tendai Biti addressed the rally in Harare on Friday.",
        )
        == []
    )


def test_an_aftershock_is_not_a_rival_magnitude_of_the_earthquake():
    assert (
        run(
            "A magnitude 7.0 earthquake struck the island on Monday, officials said.",
            "A magnitude 5.8 aftershock shook the island on Tuesday, officials said.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("opening", "rest"),
    [
        ("ANKARA, Feb 6 (Reuters) - A quake hit.", "A quake hit."),
        ("SAN JOSE, Costa Rica — Investigators said winds were strong.",
         "Investigators said winds were strong."),
        ("BALASORE: Days after the crash, the toll was revised.",
         "Days after the crash, the toll was revised."),
        ("SAN JOSE, Calif. — Elizabeth Holmes was sentenced.", "Elizabeth Holmes was sentenced."),
        ("DHAKA, Bangladesh: The ruling alliance won.", "The ruling alliance won."),
        ("US-Turkish rescue teams arrived.", "US-Turkish rescue teams arrived."),  # a name
        ("US President Joe Biden — flanked by aides — announced it.",
         "US President Joe Biden — flanked by aides — announced it."),  # a subject
    ],
)  # fmt: skip
def test_a_dateline_comes_off_and_a_hyphenated_name_stays(opening: str, rest: str):
    from briefing.text.datelines import without_dateline

    assert without_dateline(opening) == rest


def test_two_premiums_on_one_takeover_price_are_a_difference():
    (difference,) = run(
        "Acme will pay $38 a share, a premium of 27% to Zeta's closing price on Tuesday.",
        "Acme will pay $38 per share in cash for Zeta, a 25 per cent premium to the last close.",
    )
    assert difference.about == "Premium"


def test_two_prison_terms_and_two_lengths_of_a_trial_are_differences():
    found = run(
        "The former minister was sentenced to 12 years in prison on Friday. The trial lasted six "
        "weeks and heard from 40 witnesses.",
        "The former minister was jailed for ten years on Friday after a five-week trial.",
    )
    assert {d.about for d in found} >= {"prison sentence", "length of the trial"}
    # What someone faces or asked for is no sentence handed down.
    assert (
        run(
            "He faces up to 110 years in prison, prosecutors said.",
            "Prosecutors had asked for 15 years, and the judge sentenced him to 12 years.",
        )
        == []
    )


def test_two_sums_of_bribes_are_a_difference():
    (difference,) = run(
        "The former minister was jailed for accepting £2.5 million in bribes, the court ruled.",
        "The former minister was found guilty of taking 2.3 million pounds in bribes.",
    )
    assert difference.about == "Bribes"


def test_a_key_figure_of_a_short_sentence_shown_as_a_finding_is_its_figure_alone():
    articles = articles_of(
        "The death toll has soared to 11,300. About 10,000 people are missing.",
        "The death toll rose to 11,300, the aid group said.",
    )
    sentences = segment(articles).sentences
    missing = next(s for s in sentences if "missing" in s.text)
    by_about = {f.about: f.text for f in key_figures(sentences, shown=frozenset({missing.id}))}
    assert by_about["Missing"] == "About 10,000 people"  # the finding above reads it whole
    assert {f.about: f.text for f in key_figures(sentences)}["Missing"] == missing.text


def test_a_figure_a_source_denies_is_its_own_value_under_who_denies_it():
    (difference,) = run(
        "The death toll in Derna has risen to 11,300, the Libyan Red Crescent said on Thursday.",
        "A spokesperson for the Libyan Red Crescent denied on Sunday that the death toll had "
        "reached 11,300, as announced by the United Nations.",
        "The death toll in Derna rose to 5,300 on Wednesday.",
    )
    values = {v.text: (v.holder, [e.sentence_id for e in v.evidence]) for v in difference.variants}
    assert values["11,300"] == (None, ["a1.s1"])  # the denial is no source of the figure
    assert values["denied on Sunday that the death toll had reached 11,300"] == (
        "A spokesperson for the Libyan Red Crescent",
        ["a2.s1"],
    )


def test_denying_the_one_figure_another_source_gives_is_a_difference():
    (difference,) = run(
        "The ministry said 40 people were killed in the raid.",
        "The army denied reports that 40 people were killed in the raid.",
    )
    assert [(v.holder, v.text) for v in difference.variants] == [
        (None, "40 people"),
        ("The army", "denied reports that 40 people"),
    ]
    plain = run("The ministry said 40 people were killed.", "Rescuers said 40 people were killed.")
    assert plain == []


def test_a_figure_a_source_denies_is_no_key_figure():
    articles = articles_of(
        "The company denied that 3,000 jobs would be cut at its plants.",
    )
    assert key_figures(segment(articles).sentences) == []


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The toll has risen to 11,300, the Libyan Red Crescent said on Thursday, according to "
         "the Associated Press.", "the Libyan Red Crescent"),  # the claimant, not the relay
        ("It can reach 20,000 deaths,” Mayor Abdulmenam al-Ghaithi said.",
         "Mayor Abdulmenam al-Ghaithi"),
        ("Libya’s ambassador to the UN said about 6,000 people had died.",
         "Libya’s ambassador to the UN"),
        ("At least 3,958 people have died, according to the World Health Organization (WHO).",
         "the World Health Organization"),
        ("The World Health Organisation has confirmed 3,922 deaths.",
         "The World Health Organisation"),
        ("Marie el-Drese, the aid group's secretary-general, told The Associated Press that "
         "10,100 people are missing.", "Marie el-Drese"),
        ("More bleak still was an estimate from Derna’s mayor, who warned that 20,000 people "
         "might have died.", "Derna’s mayor"),
        ("The figures come as Cologne Police said they were investigating 30 people.",
         "Cologne Police"),
        ("About 10,100 people are missing, the organization said.", None),  # named before
        ("While Equifax said 100,000 Canadians were affected, it said Monday that 8,000 were.",
         "Equifax"),
        ("In a merger engineered by Swiss authorities and announced on Sunday, UBS will pay "
         "$3 billion.", None),  # "announced" has no subject of its own here
        ("The jury agreed that customers lost nearly $10 billion.", None),
        ("The death toll rose to 40, said a spokesman for the Red Cross.",
         "a spokesman for the Red Cross"),  # the verb first
        ("“We have counted 5,000 bodies,” said Mohammed Ali, the health minister.", "Mohammed Ali"),
        ("Around 1,000 women filed complaints, the interior minister, Ralf Jäger, said.",
         "Ralf Jäger"),
        ("The WHO said 3,000 people had died.", "The WHO"),  # a body, not "who"
        ("According to the IOM, 30,000 people were displaced.", "the IOM"),
        ("At least 30,000 were displaced, according to figures from the IOM.", "the IOM"),
        ("The toll is 3,000, the BBC reported, citing the Red Crescent.", "the Red Crescent"),
        ("Equifax, however, said 100,000 were affected.", "Equifax"),
        ("The UN General Assembly said 300 were missing.", "The UN General Assembly"),
        ("About 10,000 people were reported missing in the city.", None),  # passive
        ("The ministry did not say whether 300 people were killed.", None),
        ("Sources said at least 20 people had been arrested.", None),
        ("Police received 500 reports of sexual assault.", None),  # a noun, not a verb
        ("Shocked markets erased his estimated $26 billion fortune.", None),
        ("The bank gave 3 billion francs to shareholders.", None),
        ("The Red Crescent put the death toll at 11,300.", "The Red Crescent"),
        ("The toll could reach 20,000, two people familiar with the matter said.", None),
        ("Three others were arrested—but Bush said one of the 3 had nothing to do with it.",
         "Bush"),  # the dash ends the clause before the claimant's
    ],
)  # fmt: skip
def test_who_a_sentence_gives_as_the_source_of_its_figure(sentence: str, who: str | None):
    from briefing.text.attribution import claimant

    assert claimant(sentence) == who


def test_a_figure_line_names_who_put_each_value_forward_when_they_are_several():
    (toll,) = run(
        "The death toll in Derna has risen to 11,300, the Libyan Red Crescent said.",
        "The death toll in Derna could reach 20,000, the city's mayor said on Thursday.",
        "The death toll in Derna has reached 11,300, according to the Red Crescent.",
    )
    said = {v.text: v.said_by for v in toll.variants}
    # one claimant named two ways is named once, the shorter way
    assert said == {"11,300": ["Red Crescent"], "20,000": ["the city's mayor"]}


def test_a_figure_is_given_to_the_claimant_of_its_own_clause():
    from briefing.text.attribution import claimant

    both = "The UN said 10,000 were missing, while the Red Crescent said 11,300 had died."
    assert claimant(both, both.index("10,000")) == "The UN"
    assert claimant(both, both.index("11,300")) == "the Red Crescent"
    lower = "She said 10,000 people were missing - lower than the 20,000 a Red Crescent aide gave."
    assert claimant(lower, lower.index("20,000")) is None  # "gave" alone is no saying


def test_one_claimant_named_two_ways_on_a_line_is_one_claimant():
    (affected,) = run(
        "Credit agency giant Equifax said 143 million consumers were affected by the breach.",
        "Credit report company Equifax said 145.5 million consumers were affected by the breach.",
    )
    assert all(v.said_by == [] for v in affected.variants)  # one claimant: none shown


def test_one_claimant_alone_is_not_named_on_a_figure_line():
    (toll,) = run(
        "The death toll in Derna has risen to 11,300, the Libyan Red Crescent said.",
        "The death toll in Derna has reached 10,000.",
    )
    assert all(v.said_by == [] for v in toll.variants)
