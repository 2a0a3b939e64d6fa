"""Numbers in news sentences, tied to what they count."""

from __future__ import annotations

import pytest

from briefing.text.quantities import find_quantities, quantities_in_order


def only(sentence: str):
    (quantity,) = find_quantities(sentence)
    return quantity


@pytest.mark.parametrize(
    ("sentence", "span", "thing"),
    [
        ("The death toll has reached more than 5,200, a minister said.", "more than 5,200", "dead"),
        ("The number of casualties has risen to 11,300, the Red Crescent said.", "11,300", "dead"),
        ("A further 10,100 people are reported missing in the city.", "10,100", "missing"),
        ("About 6,000 people were confirmed to have died.", "About 6,000", "dead"),
        ("The storm also killed about 170 people in the east.", "about 170", "dead"),
        ("The floods have displaced at least 30,000 people.", "at least 30,000", "displaced"),
        ("Police are investigating 359 sexual assaults.", "359", "assaults"),
        ("So far, there have been 90 victims who filed complaints.", "90", "complaints"),
        ("Eight suspects are currently in detention.", "Eight", "arrests"),
        ("Hackers stole the personal data of 143 million people.", "143 million", "affected"),
        (
            "The governor said between 200,000 and 250,000 people had lost their homes.",
            "between 200,000 and 250,000",
            "displaced",
        ),
        ("There are 300,000 people who are now without homes.", "300,000", "displaced"),
        (
            "The UN says about 1.7 million people have been forced from their homes.",
            "about 1.7 million",
            "displaced",
        ),
        ("Fighting injured 12 others near the camp.", "12", "injured"),
        ("One man died and 14 others were injured in the blast.", "14", "injured"),
        ("There are 239 hostages being held captive in Gaza.", "239", "hostages"),
        ("The motion passed, with 11 abstentions in the chamber.", "11", "abstentions"),
        (
            "More than 240 people, including several Americans, were abducted in the attack.",
            "More than 240",
            "hostages taken",
        ),
        (
            "Aoun said 2,750 tonnes of ammonium nitrate had been stored unsafely.",
            "2,750",
            "tonnes of ammonium nitrate",
        ),
        ("A flight loaded with 14 tons of supplies landed.", "14", "tonnes of supplies"),
        ("The ship carried 600 tonnes, officials said.", "600", "tonnes"),
        ("WHO has counted more than 14,000 cases this year.", "more than 14,000", "cases"),
        ("About 90 cases of cholera were reported in Kenya.", "About 90", "cases of cholera"),
    ],
)
def test_a_count_is_tied_to_what_it_counts(sentence: str, span: str, thing: str):
    quantity = only(sentence)
    assert (quantity.span, quantity.thing) == (span, thing)


@pytest.mark.parametrize(
    ("sentence", "unit", "thing"),
    [
        ("UBS agreed to buy Credit Suisse for 3 billion Swiss francs.", "CHF", "price"),
        ("UBS has increased its offer to more than $2 billion.", "USD", "price"),
        ("The deal includes liquidity assistance of up to 100 billion francs.", "CHF", "support"),
        ("Customers lost nearly $10 billion when the exchange took their funds.", "USD", "losses"),
        ("UBS will pay 76 centimes per share for Credit Suisse.", "CHF", "price per share"),
        ("The court told Apple to pay €13 billion in back taxes.", "EUR", "taxes"),
        ("Twitter announced the $54.20-per-share deal on Monday.", "USD", "price per share"),
        ("He secured $46.5 billion in financing for the takeover.", "USD", "financing"),
    ],
)
def test_a_sum_of_money_has_its_currency_and_purpose(sentence: str, unit: str, thing: str):
    quantity = only(sentence)
    assert (quantity.unit, quantity.thing) == (unit, thing)


def test_a_sum_set_as_a_limit_is_a_cap_not_a_loss():
    for sentence in (
        "The act works by limiting a consumer's liability for credit card fraud to $50.",
        "Bonuses will be capped at $2,000 per employee.",
    ):
        assert only(sentence).thing == "cap"
    assert only("Customers lost nearly $10 billion when the exchange collapsed.").thing == "losses"


def test_shares_sold_worth_a_sum_are_a_sale_not_a_valuation():
    sold = "Equifax executives sold shares worth a combined £1.3million days after the hack."
    assert only(sold).thing == "shares sold"
    assert only("The company is worth $9 billion.").thing == "valuation"


def test_pounds_that_something_weighs_are_no_money():
    assert find_quantities("The space station weighs about 8,000 pounds.") == []
    assert find_quantities("It carried a payload of 2,000 pounds of fuel.") == []
    fine = only("He was fined 8,000 pounds by the court.")
    assert (fine.unit, fine.thing) == ("GBP", "fine")


def test_all_but_some_of_everyone_aboard_is_neither_a_toll_nor_a_count_of_passengers():
    for sentence in (
        "All but two of the 181 people on board died in the crash.",
        "The crash killed all but two out of 181 passengers and crew members onboard.",
    ):
        assert [(q.span, q.thing) for q in find_quantities(sentence)] == [
            ("two", None),
            ("181", "people"),
        ]
    (dead,) = find_quantities("The crash claimed the lives of 179 passengers and crew members.")
    assert dead.thing == "dead"
    miners = find_quantities("All but 3 of the 12 miners were rescued.")
    assert [(q.span, q.thing) for q in miners] == [("3", None), ("12", "people")]


@pytest.mark.parametrize(
    ("sentence", "things"),
    [
        ("At least 40 victims and 12 suspects were identified.", ["victims", "suspects"]),
        (
            "The ship carried 300 passengers and 20 tonnes of cargo.",
            ["passengers", "tonnes of cargo"],
        ),
        ("The plant will create 500 jobs and open next year.", ["jobs"]),
    ],
)
def test_a_count_and_another_are_two_counts(sentence: str, things: list[str]):
    assert [q.thing for q in find_quantities(sentence)] == things


def test_a_deal_closed_is_its_price_and_shares_closed_at_a_sum_are_a_share_price():
    (deal,) = find_quantities("Microsoft has closed its $68.7 billion deal to buy Activision.")
    (shares,) = find_quantities("Shares of Intel closed at $21.48 on Friday.")
    assert (deal.thing, shares.thing) == ("price", "share price")


def test_others_beside_those_named_are_no_total():
    # "two others were found dead" counts some of the hostages, not the story's death toll
    quantity = only("One has been rescued and two others were found dead.")
    assert quantity.thing is None


def test_hostages_still_held_whose_release_is_demanded_are_held():
    held = only("Protesters demand the release of the 136 hostages still held in Gaza.")
    assert held.thing == "hostages"


def test_hostages_released_are_not_the_number_held():
    assert only("The deal would see the release of at least 50 hostages from Gaza.").thing is None
    four, _ = find_quantities("Four hostages, including two Americans, have since been freed.")
    assert four.thing is None


def test_scales_and_centimes_are_read_as_values():
    assert only("Losses reached 5.2bn dollars, it said.").value == 5.2e9
    assert only("UBS will pay 76 centimes per share.").value == pytest.approx(0.76)
    assert only("Up to 44million Brits may have lost data.").value == 44e6


def test_a_qualifier_widens_the_reading_on_its_side_only():
    at_least = only("The death toll reached at least 5,000 on Monday.")
    exact = only("The death toll reached 5,200 on Monday.")
    larger = only("The death toll reached 11,300 on Monday.")
    assert at_least.compatible(exact)
    assert not exact.compatible(larger)
    assert not at_least.compatible(larger)


def test_two_approximations_a_ninth_apart_differ_and_a_close_figure_agrees():
    about = only("The city is home to about 800,000 people.")
    around = only("The city is home to around 900,000 people.")
    assert not about.compatible(around)
    assert only("The toll rose to about 5,000 on Monday.").compatible(
        only("The toll rose to 5,200 on Monday.")
    )
    forty = only("The floods killed about 40 people.")
    assert forty.compatible(only("The floods killed 43 people."))


def test_a_range_reads_from_its_low_to_its_high_end():
    quantity = only("It can reach 18,000 to 20,000 deaths, the mayor said.")
    assert (quantity.low, quantity.high, quantity.thing) == (18000, 20000, "dead")


def test_round_and_precise_figures_of_one_count_are_compatible_but_revisions_are_not():
    roughly = only("Hackers took the data of roughly 145 million Americans.")
    precise = only("The breach exposed the data of 145.5 million Americans.")
    earlier = only("The breach exposed the data of 143 million Americans.")
    assert roughly.compatible(precise)
    assert not earlier.compatible(precise)


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm struck on September 10, 2023, at 2:30 a.m.",
        "Bruce Steinberg, 50, and Irene Steinberg, 51; died in the crash.",
        "The bank was founded in 1856 and grew fast.",
        "A family said five of the dead were relatives.",
    ],
)
def test_dates_ages_years_and_parts_measure_nothing(sentence: str):
    assert all(q.thing is None for q in find_quantities(sentence))


def test_a_conversion_in_brackets_is_not_a_figure_of_its_own():
    found = find_quantities("UBS will buy it for 3 billion Swiss francs ($3.2 billion).")
    assert [q.span for q in found if q.thing] == ["3 billion Swiss francs"]


def test_the_number_refers_back_to_the_toll_named_before_not_to_the_missing():
    texts = [
        "The number of casualties has risen to 11,300, the Red Crescent said.",
        "Another 10,100 people are reported missing in the city.",
        "Health authorities had previously put the number at 5,500.",
    ]
    things = [[q.thing for q in found] for found in quantities_in_order(texts)]
    assert things == [["dead"], ["missing"], ["dead"]]


def test_a_figure_set_against_another_sources_counts_as_a_rival():
    (found,) = quantities_in_order(
        ["A further 10,000 people were still missing, lower than the 20,000 a spokesman gave."]
    )
    assert [(q.thing, q.rival) for q in found] == [("missing", False), ("missing", True)]


def test_an_increment_next_to_its_total_is_marked_as_a_change():
    (found,) = quantities_in_order(
        [
            "An additional 2.5 million Americans may have been affected, bringing the total to "
            "145.5 million people affected."
        ]  # fmt: skip
    )
    assert [q.increment for q in found] == [True, False]


def test_counts_of_an_indictment_are_counted_per_offence():
    fraud = find_quantities("He pleaded not guilty to two counts of fraud and five of conspiracy.")
    assert fraud[0].thing == "counts of fraud"
    assert only("The verdict covered six counts relating to fraud.").thing == "counts of fraud"
    assert only("He was found guilty of all seven counts related to fraud.").thing is None


def test_a_units_loss_is_no_loss_of_the_whole():
    (quantity,) = find_quantities("Boeing announced a $2 billion loss in its defense business.")
    assert quantity.thing is None
    (quantity,) = find_quantities(
        "It announced a $2 billion loss in its defense and space business."
    )
    assert quantity.thing is None


def test_a_sum_is_what_the_noun_before_of_names_not_the_next_item_of_a_list():
    (fine,) = find_quantities(
        "She faced 20 years in prison and a fine of $250,000 plus restitution."
    )
    assert fine.thing == "fine"
    (restitution,) = find_quantities(
        "Prosecutors asked for $804 million in restitution to investors."
    )
    assert restitution.thing == "restitution"


def test_what_does_the_killing_is_not_counted_as_killed():
    found = find_quantities("Blasts at three churches and three luxury hotels killed 138 people.")
    assert [(q.span, q.thing) for q in found if q.thing] == [("138", "dead")]


def test_what_follows_the_next_figure_does_not_name_this_one():
    found = find_quantities("The city lost over 11K lives & 10K missing during the storm.")
    assert [(q.span, q.thing) for q in found] == [("over 11K", "dead"), ("10K", "missing")]


def test_an_earthquakes_magnitude_is_a_measure_and_one_tenth_apart_is_no_rounding():
    written = [
        "A magnitude 7.0 earthquake hit northern Chile.",
        "The quake had a magnitude of 7.1, the USGS said.",
        "A 7.1-magnitude quake struck the coast.",
    ]
    first, second, third = (only(s) for s in written)
    assert {first.thing, second.thing, third.thing} == {"magnitude"}
    # Two figures of one precision that differ are two readings, not one figure rounded twice.
    assert not first.compatible(second)
    assert second.compatible(third)


def test_ranges_and_bounds_that_reach_each_other_are_compatible():
    assert only("The crash killed 10 to 12 people.").compatible(only("It killed 12 to 15 people."))
    assert only("Up to 12 people died.").compatible(only("At least 12 people died."))


def test_what_someone_needed_to_do_is_not_a_threshold():
    assert only("Hospitals needed to treat more than 300 injured people.").thing == "injured"
    assert only("Those in need included 5,000 displaced children.").thing == "displaced"


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("A dozen people were killed in the blast.", 11, 13),  # a round word: about a dozen
        ("Two dozen people were injured in the blast.", 22, 26),
        ("Twenty-five people were wounded in the attack.", 25, 25),
        ("The crash killed one hundred and twelve passengers.", 112, 112),
        ("More than three hundred people died in the floods.", 300, 390),
        ("Between five and seven people died in the fire.", 5, 7),
        ("The quake killed nearly 2,000 people in the region.", 1800, 2000),
    ],
)
def test_numbers_in_words_compounds_and_ranges_are_read_whole(
    sentence: str, low: float, high: float
):
    quantity = only(sentence)
    assert (round(quantity.low), round(quantity.high)) == (low, high)
    assert quantity.thing is not None


def test_hundreds_and_dozens_are_no_number_and_a_year_is_no_count():
    assert find_quantities("Hundreds of people were killed and dozens injured.") == []
    assert find_quantities("The plant was built in 2000 by the state.") == []


@pytest.mark.parametrize(
    ("sentence", "thing"),
    [
        (
            "Unemployment rose to 5.5 percent in March, the statistics office said.",
            "unemployment rate",
        ),
        ("Inflation hit 10.1% in October, the highest in 40 years.", "inflation rate"),
        ("The central bank cut its key interest rate to 4.5% on Thursday.", "interest rate"),
        ("Police arrested 1,999 protesters in the capital.", "arrests"),
        ("The storm destroyed 1,200 homes along the coast.", "buildings destroyed"),
        ("About 3,000 houses were damaged by the floods.", "buildings damaged"),
    ],
)
def test_a_rate_is_named_by_its_subject_and_people_by_what_happened_to_them(
    sentence: str, thing: str
):
    assert only(sentence).thing == thing


@pytest.mark.parametrize(
    ("sentence", "phrase", "thing"),
    [
        (
            "Intel said it would cut more than 15% of its workforce, around 17,500 people.",
            "around 17,500 people",
            "jobs cut",
        ),
        (
            "Intel unveiled a plan to cut over 15% of its workforce, amounting to around 15,000 "
            "jobs, as part of its turnaround.",
            "around 15,000 jobs",
            "jobs cut",
        ),
        ("Based on that, the number of jobs it plans to cut would be more than 18,500.",
         "more than 18,500", "jobs cut"),
        ("Intel shares plunged 19 percent in after-hours trading.", "19 percent",
         "share price fall"),
        ("Intel share price slumped by more than 20% in extended trade.", "more than 20%",
         "share price fall"),
        ("Shares of the Santa Clara, California-based company fell 10% in extended trading.",
         "10%", "share price fall"),
        ("The company's shares jumped 8% on the news.", "8%", "share price rise"),
        ("Intel is cutting 15,000 jobs to save $10 billion in 2025.", "$10 billion", "savings"),
        ("The damage across the island is estimated at around $6 billion.", "around $6 billion",
         "damage"),
        ("The dollar was trading in the lower 149 yen range.", "149 yen", "exchange rate"),
        ("Castillo's removal was approved by 101 votes in favor, six against.",
         "101 votes in favor", "votes in favour"),  # a motion's tally, no contender's
        ("The strike resulted in an estimated $9.6 billion in losses for Boeing.",
         "an estimated $9.6 billion", "losses"),
        ("Boeing posted a $6 billion loss for the third quarter.", "$6 billion",
         "losses for the period"),  # a result, not what the strike cost
    ],
)  # fmt: skip
def test_jobs_cut_share_moves_and_savings_are_read_however_they_are_worded(
    sentence: str, phrase: str, thing: str
):
    (quantity,) = [q for q in find_quantities(sentence) if q.phrase == phrase]
    assert quantity.thing == thing


@pytest.mark.parametrize(
    ("sentence", "phrase", "thing", "place"),
    [
        ("Awami League bagged 266 seats, while its ally Jatiya Party secured 21.", "21", "seats",
         None),  # a bare number after a counted one counts the same
        ("Pena Nieto said at least 44 buildings — homes, schools and office buildings — had "
         "toppled.", "at least 44 buildings", "buildings destroyed", None),  # past an aside
        ("The conflict has displaced over 1.2 million Lebanese and 50,000 Israelis.",
         "50,000 Israelis", "displaced", "IL"),  # both were displaced
        ("Over 70,000 Israelis have been forced to live as refugees in their own country.",
         "Over 70,000 Israelis", "displaced", "IL"),
        ("Otis left destruction across Acapulco, a city with around 900,000 residents.",
         "around 900,000 residents", "population", None),
        ("Acapulco, a tourist destination that is home to about 800,000 people, was hit.",
         "about 800,000 people", "population", None),
        ("The dead included 35 people from other countries.", "35 people", "dead", "foreigners"),
        ("Bombers attacked three hotels, killing at least 290 people and wounding more than 500.",
         "more than 500", "injured", None),  # not the toll before it
    ],
)  # fmt: skip
def test_a_number_takes_its_thing_from_the_words_a_reader_takes_it_from(
    sentence: str, phrase: str, thing: str, place: str | None
):
    (quantity,) = [q for q in find_quantities(sentence) if q.phrase.startswith(phrase)]
    assert (quantity.thing, quantity.place) == (thing, place)


@pytest.mark.parametrize(
    "sentence",
    [
        "The stock closed down 7% on Thursday.",  # the day's close is another move
        "Intel shares are down 26% this year.",  # a move over a period
        "The stock market fell 2% on Monday.",  # a market, not a company's shares
        "The company, which employs 124,800 people, plans to cut costs.",  # staff, not cuts
    ],
)
def test_a_close_a_period_a_market_or_the_staff_employed_is_no_move_or_cut(sentence: str):
    assert all(q.thing not in ("share price fall", "jobs cut") for q in find_quantities(sentence))


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Between two hundred and three hundred people were killed.", 200, 300),
        ("Between 10 and 15 million people were displaced by the floods.", 10e6, 15e6),
        ("In Sindh, half a dozen people were killed in the storm.", 5.4, 6.6),
        ("Five hundred and six people died in the fire.", 506, 506),
    ],
)
def test_word_numbers_ranges_and_round_words_read_as_a_reader_takes_them(
    sentence: str, low: float, high: float
):
    quantity = only(sentence)
    assert (round(quantity.low, 1), round(quantity.high, 1)) == (low, high)


def test_half_numbers_and_between_without_a_range_are_no_figure():
    assert find_quantities("The floods displaced two and a half million people.") == []
    assert find_quantities("Between five and six-year-olds died in the fire.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The vaccination rate reached 70 percent in the city.",
        "Inflation rose 3.2% in January from December.",
        "Youth unemployment hit 20.1% in the second quarter.",
        "Debt as a share of GDP rose to 110% last year.",
        "About 1,200 homes were damaged or destroyed by the floods.",
    ],
)
def test_a_change_a_sub_measure_or_a_mixed_count_is_no_comparable_rate_or_damage(sentence: str):
    assert all(q.thing is None for q in find_quantities(sentence))


def test_a_count_of_nationals_is_placed_so_it_is_not_set_against_another_countrys_toll():
    lebanon, israel = find_quantities(
        "The war has killed more than 3,800 people in Lebanon, while more than 130 Israelis "
        "have lost their lives."
    )
    assert (lebanon.place, israel.place) == (None, "IL")
    assert only("Israeli strikes killed 40 Palestinian prisoners on Monday.").place == "PS"


def test_the_bodies_of_school_children_are_a_toll_of_children_and_bodies_buried_no_toll():
    (children, _) = find_quantities(
        "The bodies of 21 school children and four adults had been recovered from the school."
    )
    assert (children.thing, children.place) == ("dead", "children")
    assert only("More than 3,000 bodies were buried by Thursday morning.").thing is None


def test_restitution_and_a_companys_worth_are_no_price_paid():
    ordered = only("Prosecutors asked the judge to order her to pay $804 million in restitution.")
    assert ordered.thing == "restitution"
    assert only("At its peak, the company was valued at nearly $9 billion.").thing == "valuation"


@pytest.mark.parametrize(
    ("sentence", "phrase", "thing"),
    [
        ("Intel's shares have lost more than 50 percent of their value this year.",
         "more than 50 percent", None),  # over a period
        ("Intel stock is down 60 percent from its peak.", "60 percent", None),
        ("Intel shares finished the day down 26 percent.", "26 percent", None),  # the close
        ("Intel shares fell 6 percent on Monday.", "6 percent", None),  # another day's move
        ("Intel shares fell after the company said revenue dropped 1 percent.", "1 percent", None),
        ("The floods killed 30 people, and 5,000 residents were left without power.",
         "5,000 residents", "people"),  # a predicate of its own
        ("Amazon will cut 18,000 jobs, the largest layoffs in its history, as it employs 1.5 "
         "million.", "1.5 million", None),  # no parallel figure
        ("Police arrested 45 people on Saturday, up from 30.", "30", None),
        ("GM is cutting jobs at the Detroit plant, which employs 4,000.", "4,000", None),
        ("The company has cut its workforce by a third, to 6,000 employees.", "6,000 employees",
         "staff"),  # what remains
        ("Police said 3 gunmen fled on motorcycles.", "3", None),
        ("Rescuers have so far recovered 152 dead bodies from the rubble.", "152 dead", "dead"),
        ("5 killed 12 injured as bus overturns", "5 killed", "dead"),
        ("The company will save $2 billion and invest $5 billion.", "$5 billion", None),
        ("The hack caused losses of $100 million across its business.", "$100 million", "losses"),
        ("12 Chinese warships sailed past the island.", "12 Chinese", None),  # an adjective
    ],
)  # fmt: skip
def test_a_figure_is_not_given_a_thing_the_sentence_does_not_say(
    sentence: str, phrase: str, thing: str | None
):
    (quantity,) = [q for q in find_quantities(sentence) if q.phrase == phrase]
    assert quantity.thing == thing


def test_the_words_shown_for_a_count_end_on_its_noun_not_on_the_place_of_a_verb():
    killed, wounded = find_quantities(
        "At least 135 people have been killed and about 5,000 wounded in a massive explosion."
    )
    assert (killed.phrase, wounded.phrase) == ("At least 135 people", "about 5,000 wounded")
    (people,) = find_quantities("Police questioned 30 people from North Africa.")
    assert people.phrase == "30 people from North Africa"


@pytest.mark.parametrize(
    "sentence",
    [
        "It is the most important of three EU cases against Google.",
        "Courts have dismissed 60 cases brought by the campaign.",
        "More than 200 cases were filed against the police.",
    ],
)
def test_cases_in_court_are_lawsuits_not_a_count_of_infections(sentence: str):
    (lawsuits,) = find_quantities(sentence)
    assert lawsuits.thing is None


def test_an_earlier_rounds_share_is_not_the_results():
    sentence = "Despite Massa's victory in the Primary round with 38% of the votes, he lost."
    (primary,) = find_quantities(sentence)
    assert primary.thing is None
    (runoff,) = find_quantities("Milei won 55.7% of the vote in the runoff on Sunday.")
    assert runoff.thing == "vote share"


@pytest.mark.parametrize(
    "sentence",
    [
        "In just one church, north of Colombo, more than 50 people had been killed.",
        "Media reported 25 people were also killed in an attack on a church in Batticaloa.",
        "Rescuers reported 221 deaths in rebel-held northwest Syria.",
        "Over 590 were killed in government-held areas of Syria, the health ministry said.",
    ],
)
def test_one_places_dead_are_a_part_not_a_rival_of_the_toll(sentence):
    assert [q.thing for q in find_quantities(sentence)] == [None]


def test_the_whole_tolls_place_does_not_make_it_a_part():
    found = find_quantities("Blasts killed at least 290 people in Sri Lanka on Sunday.")
    assert [q.thing for q in found] == ["dead"]


def test_an_age_and_a_breakdowns_row_are_not_counts_of_the_story():
    ages = find_quantities("He shot dead 20 children ages 6 and 7, plus six adults.")
    assert [(q.span, q.thing) for q in ages if q.thing] == [("20", "dead")]
    row = find_quantities("By age group, the 50s had the most with 40 passengers.")
    assert [q.thing for q in row] == [None, None]


def test_things_no_list_names_are_counted_with_what_was_done_to_them():
    (early,) = [q for q in find_quantities("At least 540 flights in the U.S. had been canceled.")]
    later = only("More than 1,000 flights were cancelled in the U.S. on Friday.")
    assert early.thing == later.thing == "flights cancelled"
    assert only("The exchange of 26 individuals took place in Ankara.").thing == "people exchanged"
    swap = find_quantities("In the swap of a total of 24 prisoners in Ankara, 16 were released.")
    assert swap[0].thing == "people exchanged"


def test_a_count_of_a_thing_with_no_act_done_to_it_is_not_compared():
    assert only("The airline operates 540 flights a day.").thing is None
    every_night = only("Hamas is to release 12 Israeli women and children every night.")
    assert every_night.thing == "people"  # a rate: people, never compared as released
    assert only("Officials said 12 hospitals in the region were open.").thing is None


def test_things_affected_are_named_when_they_are_not_people():
    devices = only("Around 8.5 million devices were affected by the outage.")
    assert devices.thing == "devices affected"
    assert only("About 143 million consumers were affected.").thing == "affected"


def test_a_share_price_fallen_to_a_sum_is_no_deal_value():
    found = find_quantities("Its share price was down 12 percent to $301.51 at the open.")
    assert [q.thing for q in found if q.unit == "USD"] == ["share price"]


def test_some_other_people_are_no_count_of_their_own():
    found = find_quantities("A colonel, with nine other uniformed soldiers behind him, spoke.")
    assert [q.thing for q in found] == [None]
    injured = only("One man was killed and at least two other people were critically injured.")
    assert injured.thing == "injured"


def test_a_bonds_price_is_no_share_price():
    found = find_quantities("Its senior debt was trading at around 45 cents on the dollar.")
    assert [q.thing for q in found if q.span.endswith("cents")] == [None]


def test_what_a_debtor_owes_is_its_liabilities():
    assert only("Evergrande has more than $300 billion in liabilities.").thing == "liabilities"
    assert only("The firm owes $5 billion in unpaid wages.").thing is None  # a part of it


def test_the_evacuation_of_people_counts_them_displaced_and_an_evacuation_bus_is_no_one():
    assert only("The flood sparked the evacuation of 17,000 people.").thing == "displaced"
    assert only("He said 53 evacuation buses were being sent.").thing is None


def test_real_tolls_and_prices_the_part_and_bond_rules_must_not_take():
    assert only("In just one hour, the fire killed 71 people.").thing == "dead"
    assert only("By state media's count, 33 people have died in the floods.").thing == "dead"
    wounded = find_quantities("One person was killed and 22 others were also wounded.")
    assert [q.thing for q in wounded] == ["injured"]
    idlib = only("An airstrike on a market in rebel-held Idlib killed at least 15 people.")
    assert idlib.thing == "dead"  # where the story is, not a part of it
    shares = only("Shares of the retailer, which is struggling with its debt, closed at $1.10.")
    assert shares.thing == "share price"
    assert only("The bank's bonds were trading at 20 cents on the dollar.").thing is None


def test_a_list_of_ages_is_not_counted():
    found = find_quantities("A fire killed 12 people, including three children aged 4, 6 and 9.")
    assert [(q.span, q.thing) for q in found if q.thing == "dead"] == [("12", "dead")]
    assert [q.thing for q in found if q.span in ("4", "6", "9")] == [None, None, None]


def test_ships_held_up_are_one_count_however_each_outlet_words_it():
    waiting = only("As of last night there were 453 ships waiting to transit the canal.")
    backlog = only("A backlog of 422 ships could be cleared in three days, he said.")
    halted = only("At least 437 vessels were halted in line since the grounding.")
    assert waiting.thing == backlog.thing == halted.thing == "ships waiting"
    assert only("The port handles 40 ships a day.").thing is None


def test_a_scale_joined_by_a_hyphen_is_read():
    quantity = only("Elon Musk's US$44-billion bid to buy Twitter was accepted by its board.")
    assert (quantity.value, quantity.unit, quantity.thing) == (44e9, "USD", "price")


def test_others_counted_beside_someone_are_no_total_but_what_a_verb_counts_is():
    assert only("Three others, including a woman, were arrested later.").thing is None
    assert only("A gunman fired on the crowd and injured 12 others.").thing == "injured"


def test_a_sum_of_an_event_told_as_earlier_is_no_rival_of_the_story_s():
    earlier = "The fine came four months after the regulator imposed a €390 million fine on Meta."
    assert only(earlier).thing is None
    assert only("Months after the crash, the airline paid $5 million in damages.").thing


def test_a_figure_of_another_round_set_beside_this_one_is_no_rival():
    from briefing.text.quantities import quantities_in_order

    earlier, later = quantities_in_order([
        "The noon turnout was 28.2%, slightly less than the 28.5% in the first round.",
        "At 5pm, the turnout was 65.3%, lower than the 69.4% at the same time on April 23.",
    ])  # fmt: skip
    assert [(q.span, q.thing) for q in earlier] == [("28.2%", "turnout"), ("28.5%", None)]
    assert [(q.span, q.thing) for q in later] == [("65.3%", "turnout"), ("69.4%", None)]
