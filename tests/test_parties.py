"""Party names are normalised: capitals, institutions and people map to their country."""

from __future__ import annotations

from briefing.parties import Parties

ARTICLE = (
    "Kremlin aide Yuri Ushakov said the talks were useful. U.S. Secretary of State Marco Rubio "
    "was optimistic. Ukrainian President Volodymyr Zelenskyy met Irish Prime Minister Micheál "
    "Martin in Dublin."
)


def test_people_take_the_country_of_the_institution_or_demonym_before_their_name():
    parties = Parties.learn([ARTICLE])
    assert parties.normalise("Ushakov") == "Russia"
    assert parties.normalise("Marco Rubio") == "United States"
    assert parties.normalise("Zelenskyy") == "Ukraine"
    assert parties.normalise("Micheál Martin") == "Ireland"


def test_capitals_and_institutions_map_to_their_country():
    parties = Parties()
    assert parties.normalise("Kremlin") == "Russia"
    assert parties.normalise("Moscow") == "Russia"
    assert parties.normalise("White House") == "United States"
    assert parties.normalise("Kyiv") == "Ukraine"
    assert parties.normalise("Atlantis") is None


def test_the_actor_is_the_first_party_named_and_a_capital_after_in_is_a_place():
    parties = Parties.learn([ARTICLE])
    assert parties.actor("Ushakov said contacts would continue with Washington.") == "Russia"
    assert parties.mentioned("Zelenskyy spoke at a news conference in Dublin.") == ["Ukraine"]
    quote = "“We are ready to continue working with this American team,” Ushakov said."
    assert parties.actor(quote) == "Russia"


def test_a_party_the_model_labels_counts_only_when_the_sentence_names_it():
    parties = Parties.learn([ARTICLE])
    staff = "Staff members assembled outside to show their support during the statement."
    assert parties.decide(staff, "Ireland") == (None, [])
    assert parties.decide("Martin met the envoys on Monday.", "Ireland") == ("Ireland", ["Ireland"])


def test_the_nationality_of_the_outlet_a_remark_was_made_to_is_no_party():
    parties = Parties.learn([ARTICLE])
    told = "The spokesperson, Tawfiq Shukri, told the French news agency AFP the figure was wrong."
    assert parties.actor(told) is None
    macron = "French President Emmanuel Macron told the newspaper Le Monde."
    assert parties.actor(macron) == "France"


def test_a_states_own_media_speak_for_it():
    parties = Parties()
    china = "Chinese state television said Taiwan's leader had provoked the drills."
    assert parties.actor(china) == "China"


def test_a_newspapers_report_is_no_partys_position_whoever_it_names():
    parties = Parties()
    report = "The newspaper Chosun Ilbo reported Chinese-owned vessels traded with North Korea."
    assert parties.decide(report, "China")[0] is None
    claimed = "On Tuesday, the South Korean newspaper Chosun Ilbo claimed China sold oil."
    assert parties.decide(claimed, "China")[0] is None
    assert parties.decide("China said it had enforced the sanctions.", None)[0] == "China"


def test_the_actor_comes_after_an_opening_clause_of_time():
    parties = Parties()
    after = "Hours after Trump accused China of selling oil, Britain released its own figures."
    assert parties.actor(after) == "United Kingdom"
    aside = "As Russia pressed its attack — the largest in weeks — Ukraine asked for air defence."
    assert parties.actor(aside) == "Ukraine"
    assert parties.actor("When Russia attacked, nobody answered.") == "Russia"  # nobody after


def test_parties_beyond_the_seeds_not_inside_another_places_name():
    parties = Parties()
    assert parties.mentioned("Seoul said North Korean ships took oil from Hamas.") == [
        "South Korea", "North Korea", "Hamas",
    ]  # fmt: skip
    assert parties.mentioned("The governor of New Mexico met South Sudan's envoy.") == []
    # a newspaper named after its city or country is no party
    assert parties.mentioned("He faces 115 years, the Washington Post reports.") == []
    assert parties.mentioned("China Daily said Washington had erred.") == ["United States"]
    assert parties.mentioned("The Times of Israel and Russia Today reported it.") == []
    state = "The North Korean state newspaper Rodong Sinmun said the oil was legal."
    assert parties.decide(state, None)[0] == "North Korea"
    assert parties.mentioned("China sold oil to North Korea.") == ["China", "North Korea"]


def test_a_party_named_only_as_the_object_of_a_preposition_is_not_who_acts():
    parties = Parties.learn([ARTICLE])
    ellison = ("Ms Ellison also testified that he hoped to repay customers by raising money from "
               "Saudi Crown Prince Mohammed bin Salman.")  # fmt: skip
    assert parties.actor(ellison) is None
    assert parties.actor("Talks between Russia and the U.S. ended without a deal.") is None
    assert parties.actor("Talks with Russia stalled, Ukrainian officials said.") == "Ukraine"
    # the agent of a passive, and who a report is according to, do act
    assert parties.actor("The deal was brokered by the Swiss government.") == "Switzerland"
    assert parties.actor("Aid is on the way, according to the Kremlin.") == "Russia"


def test_who_a_preposition_names_acts_when_it_follows_an_agent_or_begins_a_name_learned():
    parties = Parties.learn(["Saudi Crown Prince Mohammed bin Salman met the bankers."])
    assert parties.actor("A spokesman for the Kremlin said the talks would go on.") == "Russia"
    assert parties.actor("Officials in Japan said the plant was safe.") == "Japan"
    ellison = "Ms Ellison testified that he hoped to raise money from Saudi Crown Prince Mohammed."
    assert parties.actor(ellison) is None  # the learned name goes on the object's
    assert parties.actor("Refugees from countries such as Syria arrived in Cologne.") is None
    assert parties.actor("The tanker sank in the East China Sea on Monday.") is None
