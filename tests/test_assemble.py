"""Findings saying the same thing across articles become one item citing every source."""

from __future__ import annotations

import datetime as dt

from briefing import sections
from briefing.assemble import passed_steps, sources, timeline
from briefing.corroborate import combine, quoted_sentences
from briefing.models import Article, Evidence, Item, Quote
from briefing.parties import Parties


def item(kind: str, text: str, sentence_id: str, party: str | None = None) -> Item:
    article = sentence_id.split(".")[0]
    evidence = [Evidence(sentence_id=sentence_id, article_id=article, text=text)]
    return Item(kind=kind, party=party, text=text, evidence=evidence)


def cited_apart(one: Item, other: Item) -> bool:
    """Whether the two findings, combined, each still cite only their own sentence."""
    return all(len(i.evidence) == 1 for i in combine([one, other], Parties()))


def test_the_same_fact_from_three_articles_is_one_item_citing_all_three():
    items = [
        item("position", "Ukraine wants an immediate ceasefire with Russia.", "a1.s2"),
        item(
            "position",
            "Ukraine's government wants an immediate ceasefire with Russia now.",
            "a2.s7",
        ),  # fmt: skip
        item("sticking_point", "Ukraine wants an immediate ceasefire, its minister said.", "a3.s1"),
        item("next_step", "Envoys will debrief Trump in Washington next week.", "a3.s4"),
    ]
    merged = combine(items, Parties())
    ceasefire = next(i for i in merged if "ceasefire" in i.text)
    assert ceasefire.article_ids == ["a1", "a2", "a3"]
    assert ceasefire.kind == "position"
    assert ceasefire.party == "Ukraine"
    assert len(merged) == 2
    assert merged[0] is not None and merged[0].article_ids == ["a1", "a2", "a3"]


def test_one_fact_from_several_articles_reads_as_its_most_particular_wording():
    items = [
        item("fact", "The vessel transferred 600 tons of refined oil to a ship.", "a1.s2"),
        item(
            "fact",
            "The vessel, Lighthouse Winmore, transferred 600 tons of oil to a ship.",
            "a2.s14",
        ),  # fmt: skip
    ]
    (merged,) = combine(items, Parties())
    assert "Lighthouse Winmore" in merged.text
    assert merged.evidence[0].sentence_id == "a2.s14"  # the sentence it reads as comes first
    assert merged.article_ids == ["a1", "a2"]


def test_a_figure_spelled_as_news_writes_small_numbers_counts_as_a_particular():
    found = "Sam Bankman-Fried was found guilty on Thursday of defrauding customers of FTX."
    counts = "Sam Bankman-Fried was convicted Thursday on all seven criminal counts at FTX."
    (merged,) = combine([item("fact", found, "a5.s1"), item("fact", counts, "a6.s1")], Parties())
    assert merged.text == counts  # the verdict reads with its seven counts


def test_a_sentence_like_only_one_member_of_a_fact_is_another_fact():
    avoided = "A UN official said Friday that most casualties could have been avoided."
    head = (
        "The head of the World Meteorological Organisation said most of the casualties could "
        "have been avoided if residents had been warned and given time to escape."
    )
    warned = (
        "The World Meteorological Organization said earlier this week that the National "
        "Meteorological Center issued warnings 72 hours before the flooding, notifying all "
        "governmental authorities by email and through media."
    )
    items = [
        item("fact", head, "a6.s9"),
        item("fact", avoided, "a4.s10"),
        item("fact", warned, "a4.s11"),
    ]
    merged = combine(items, Parties())
    assert len(merged) == 2
    fact = next(i for i in merged if "avoided" in i.text)
    assert fact.article_ids == ["a4", "a6"]
    assert any(i.text == warned for i in merged)


def test_a_denial_is_never_cited_for_what_it_denies():
    denial = (
        "A spokesperson for the Libyan Red Crescent denied on Sunday that the death toll from the "
        "floods in Derna had reached 11,300, as announced by the United Nations on Saturday."
    )
    toll = (
        "The number of casualties in the Libyan city of Derna has risen to 11,300, the Libyan "
        "Red Crescent said on Thursday evening."
    )
    merged = combine([item("fact", denial, "a7.s1"), item("fact", toll, "a3.s1")], Parties())
    assert sorted(i.text for i in merged) == sorted([denial, toll])
    assert all(len(i.evidence) == 1 for i in merged)


def test_denied_bail_is_no_denial_of_a_claim():
    jailed = "Judge Kaplan denied bail to Bankman-Fried, who will remain in jail until March 28."
    again = "Judge Kaplan denied bail to Bankman-Fried, who will stay in jail until March 28."
    (merged,) = combine([item("fact", jailed, "a1.s3"), item("fact", again, "a2.s5")], Parties())
    assert merged.article_ids == ["a1", "a2"]


def test_a_sentence_that_borrows_its_verb_from_the_one_before_is_cited_for_nothing():
    merkel = (
        "German Chancellor Angela Merkel announced on Saturday that her party has decided to take "
        "tougher action against refugees who commit crimes."
    )
    so_did = "So did German Chancellor Angela Merkel."
    merged = combine([item("fact", merkel, "a3.s1"), item("fact", so_did, "a1.s22")], Parties())
    assert next(i for i in merged if i.text == merkel).article_ids == ["a3"]


def test_a_count_in_round_words_is_not_cited_for_a_figure_it_cannot_be():
    early = "Police in Cologne are investigating dozens of sexual assaults on New Year's Eve."
    later = "Police in Cologne are investigating 359 sexual assaults on New Year's Eve."
    assert cited_apart(item("fact", early, "a1.s1"), item("fact", later, "a4.s2"))
    some = "Police in Cologne are investigating 90 sexual assaults on New Year's Eve."
    (one,) = combine([item("fact", early, "a1.s1"), item("fact", some, "a2.s2")], Parties())
    assert one.article_ids == ["a1", "a2"]


def test_a_matter_still_open_is_not_cited_for_the_same_matter_settled():
    looking = "Investigators are looking into what caused the Nature Air plane to crash."
    likely = "Investigators said winds most likely caused the Nature Air plane to crash."
    assert cited_apart(item("fact", looking, "a3.s2"), item("fact", likely, "a4.s1"))
    charged = "Bankman-Fried was charged with fraud over the collapse of the FTX exchange."
    convicted = "Bankman-Fried was convicted of fraud over the collapse of the FTX exchange."
    assert cited_apart(item("fact", charged, "a1.s3"), item("fact", convicted, "a2.s1"))


def test_figures_that_share_only_the_year_they_are_about_are_not_one_fact():
    raised = "The Bank has raised its growth forecast for 2017 from 1.3 per cent to 1.5 per cent."
    cut = "The Bank has cut its growth forecast for 2017 to 1.6 per cent from 1.7 per cent."
    assert cited_apart(item("fact", raised, "a5.s7"), item("fact", cut, "a4.s9"))


def test_a_quotation_is_cited_only_for_what_repeats_its_words():
    family = "A family in New York said five of the dead Americans were relatives on holiday."
    solidarity = (
        "“The government of Costa Rica stands in solidarity with the relatives of those who lost "
        "their loved ones during this holiday.”"
    )
    assert cited_apart(item("fact", family, "a3.s5"), item("fact", solidarity, "a4.s40"))
    reported = (
        "The government of Costa Rica said it stands in solidarity with the relatives of those "
        "who lost their loved ones."
    )
    pair = [item("fact", reported, "a1.s9"), item("fact", solidarity, "a4.s40")]
    # a word repeated in the quotation does not hide its words in the other sentence
    fire = "“The fire destroyed homes, schools and hospitals across the region.”"
    closed = "Schools shut after the fire destroyed homes, schools and hospitals across the region."
    burnt = [item("fact", fire, "a1.s2"), item("fact", closed, "a2.s3")]
    assert len(combine(burnt, Parties())) == 1
    (one,) = combine(pair, Parties())
    assert one.article_ids == ["a1", "a4"]


def test_one_fact_reads_as_the_storys_sentence_not_a_gallery_caption():
    caption = (
        "Hide Caption 23 of 25 Photos: Truck attack in Nice President Hollande said the state of "
        "emergency would be extended for three months."
    )
    story = "President Hollande said the state of emergency would be extended for three months."
    (merged,) = combine([item("fact", caption, "a4.s77"), item("fact", story, "a3.s11")], Parties())
    assert merged.text == story
    assert merged.article_ids == ["a3", "a4"]


def test_model_party_names_are_normalised_and_next_steps_say_when():
    items = [item("next_step", "The Kremlin will meet the envoys next week.", "a1.s1", "Kremlin")]
    (merged,) = combine(items, Parties())
    assert merged.party == "Russia"
    assert merged.when == "next week"


def test_a_next_step_is_not_dated_by_the_day_of_what_it_follows():
    awaiting = "The Kremlin was awaiting the reaction of its US colleagues to Tuesday's talks."
    (merged,) = combine([item("next_step", awaiting, "a1.s1", "Kremlin")], Parties())
    assert merged.when is None
    meets = "The envoys will meet again on Tuesday in Geneva."
    (merged,) = combine([item("next_step", meets, "a1.s2")], Parties())
    assert merged.when == "on Tuesday"


def test_relative_dates_in_the_timeline_resolve_against_each_articles_own_date():
    events = [
        item("event", "Putin met the envoys on Tuesday night.", "a1.s1"),
        item("event", "The Kremlin claimed Pokrovsk late Monday.", "a2.s1"),
        item("event", "Russia launched its war on Feb. 24, 2022.", "a2.s2"),
    ]
    published = {"a1": dt.date(2025, 12, 5), "a2": dt.date(2025, 12, 3)}
    result = timeline(events, published)
    assert [(i.date, i.date_approximate) for i in result] == [
        (dt.date(2022, 2, 24), False),
        (dt.date(2025, 12, 1), True),
        (dt.date(2025, 12, 2), True),
    ]


def test_an_event_with_no_date_stated_in_an_undated_article_is_not_on_the_timeline():
    events = [
        item("event", "The finance minister called the deal a solid solution on Sunday.", "a1.s9"),
        item("event", "The deal was announced on March 19, 2023.", "a1.s2"),
        item("event", "The bank's shares fell on March 20, 2023.", "a1.s3"),
    ]
    result = timeline(events, {"a1": None})
    assert [(i.text, i.date) for i in result] == [
        ("The deal was announced on March 19, 2023.", dt.date(2023, 3, 19)),
        ("The bank's shares fell on March 20, 2023.", dt.date(2023, 3, 20)),
    ]


def test_events_of_a_single_day_make_no_timeline_and_stay_in_their_sections():
    events = [
        item("event", "More than 3,000 bodies were buried by Thursday morning.", "a1.s1"),
        item("event", "The death toll rose to 11,300 on Thursday, the Red Crescent said.", "a1.s2"),
    ]
    assert timeline(events, {"a1": dt.date(2023, 9, 15)}) == []


def test_words_dated_by_when_they_were_said_are_not_events_of_the_timeline():
    events = [
        item("event", "“She was home for like 18 hours,” Noll recalled on Monday.", "a1.s1"),
        item("event", "The plane crashed on Sunday, killing all 12 aboard.", "a1.s2"),
        item("event", "Soto said the remains would be identified on Tuesday.", "a1.s3"),
    ]
    result = timeline(events, {"a1": dt.date(2018, 1, 3)})
    assert [i.evidence[0].sentence_id for i in result] == ["a1.s2", "a1.s3"]


def test_a_step_whose_time_had_come_by_the_latest_report_is_no_next_step():
    steps = [
        item("next_step", "Smith is scheduled to testify before Congress this week.", "a1.s1"),
        item("next_step", "Smith will appear before the Senate on Thursday.", "a1.s2"),
        item("next_step", "The company will report its results in the coming weeks.", "a2.s1"),
        item("next_step", "After Wednesday's talks, the envoys will meet again soon.", "a1.s3"),
        item("next_step", "The bank is expected to respond to Thursday's turmoil.", "a1.s4"),
    ]
    published = {"a1": dt.date(2017, 10, 4), "a2": dt.date(2017, 11, 14)}
    passed = passed_steps(steps, published, guessed=set())
    assert passed == {"a1.s1", "a1.s2"}  # a2 is the latest report; "soon" is no day
    placed = sections.assign(steps, "incident", passed=passed)
    assert [i.evidence[0].sentence_id for i in placed["next_steps"]] == ["a2.s1", "a1.s3", "a1.s4"]


def test_sources_are_numbered_in_article_order_a2_before_a10():
    articles = [
        Article(id=f"a{n}", key=f"k{n}", path=f"{n}.txt", title=f"Article {n}", text="Text.")
        for n in (10, 2, 1)
    ]
    assert [s.article_id for s in sources(articles)] == ["a1", "a2", "a10"]


def test_sentences_giving_one_toll_different_figures_are_not_merged_into_one_finding():
    items = [
        item("fact", "The earthquake in northern Chile killed 12 people, officials said.", "a1.s1"),
        item("fact", "The earthquake in northern Chile killed 14 people, officials said.", "a2.s1"),
        item("fact", "An earthquake in northern Chile killed 12 people on Tuesday.", "a3.s1"),
    ]
    merged = combine(items, Parties())
    # Neither figure is cited for the other: "12" never cites the sentence that says 14.
    for finding in merged:
        assert len({"12" in e.text for e in finding.evidence}) == 1
    assert any(i.article_ids == ["a2"] for i in merged)


def test_the_same_fact_with_a_number_in_words_is_one_finding_and_another_number_is_not():
    items = [
        item("fact", "A family in New York said five of the dead were kin.", "a1.s1"),
        item("fact", "A family in New York said five of the dead Americans were kin.", "a2.s1"),
        item("fact", "A family in New York said six of the dead were kin.", "a3.s1"),
    ]
    merged = combine(items, Parties())
    assert sorted(i.article_ids for i in merged) == [["a1", "a2"], ["a3"]]


def test_one_agreeing_figure_does_not_hide_a_different_toll():
    items = [
        item(
            "fact",
            "The blast in the market killed 12 people and injured 40 others on Tuesday.",
            "a1.s1",
        ),
        item(
            "fact",
            "The blast in the market killed 14 people and injured 40 others on Tuesday.",
            "a2.s1",
        ),
    ]
    assert len(combine(items, Parties())) == 2


def test_sentences_giving_the_dead_and_the_injured_or_other_distances_are_not_one_finding():
    dead = item("fact", "More than 200 people have died in the quake, officials said.", "a1.s5")
    hurt = item("fact", "More than 2,000 people have been injured in the quake.", "a2.s5")
    assert len(combine([dead, hurt], Parties())) == 2
    back = item(
        "fact", "Hezbollah is to pull back its fighters about 25 miles from the border.", "a1.s2"
    )
    north = item(
        "fact", "Hezbollah is to move its heavy weapons 16 miles north of the border.", "a2.s2"
    )
    assert len(combine([back, north], Parties())) == 2


def test_a_sentence_is_cited_for_a_finding_only_with_the_figure_it_states():
    base = "the Santa Clara, California-based chipmaker"
    employed = item("fact", f"{base.capitalize()} employed 116,500 people as of June 29.", "a3.s7")
    shares = item("fact", f"Shares of {base} fell 10% in extended trading.", "a1.s4")
    assert len(combine([employed, shares], Parties())) == 2
    toll = item("fact", "The toll had been put at 321 on Tuesday, the police said.", "a8.s3")
    bound = item("fact", "The toll had risen to at least 290 on Monday, the police said.", "a4.s6")
    assert len(combine([toll, bound], Parties())) == 2


def test_sentences_giving_different_prison_terms_or_sums_are_not_one_finding():
    items = [
        item(
            "fact",
            "The minister was jailed for ten years on Friday for taking £2.5 million in bribes.",
            "a1.s1",
        ),
        item(
            "fact",
            "The minister was sentenced to 12 years on Friday for taking £2.3 million in bribes.",
            "a2.s1",
        ),
    ]
    assert len(combine(items, Parties())) == 2


def test_a_sentence_quoting_part_of_a_longer_key_quote_is_not_shown_again_as_a_finding():
    tweet = (
        "Caught RED HANDED - very disappointed that China is allowing oil to go into North Korea. "
        "There will never be a friendly solution to the North Korea problem if this continues!"
    )
    texts = {
        "a1.s8": "“There will never be a friendly solution to the North Korea problem if this "
        "continues!”",
        "a1.s9": "“Caught RED HANDED,” an aide said of the ships the coast guard seized last month "
        "off the port of Yeosu.",
    }
    evidence = [Evidence(sentence_id=i, article_id="a1", text=t) for i, t in texts.items()]
    key_quotes = [Quote(text=tweet, speaker="Trump", evidence=evidence)]
    assert quoted_sentences(key_quotes, texts) == {"a1.s8"}  # s9 quotes too little of itself


def test_the_middle_and_last_sentences_of_a_key_quote_are_not_shown_again_as_findings():
    words = (
        "We have faced a calculated mass killing of civilians. All perpetrators, organizers, and "
        "beneficiaries will be punished. We will find and bring each one to justice,"
    )
    texts = {
        "a7.s5": "“We have faced a calculated mass killing of civilians.",
        "a7.s6": "All perpetrators, organizers, and beneficiaries will be punished.",
        "a7.s7": "We will find and bring each one to justice,” Putin stressed.",
        "a7.s8": "Putin said all perpetrators would be punished, speaking on Saturday.",
    }
    evidence = [Evidence(sentence_id=i, article_id="a7", text=t) for i, t in texts.items()]
    key_quotes = [Quote(text=words, speaker="Putin", evidence=evidence[:3])]
    assert quoted_sentences(key_quotes, texts) == {"a7.s6", "a7.s7"}  # s5 opens it: never shown


def test_a_sum_and_its_conversion_in_brackets_can_be_one_fact():
    euros = item("fact", "The EU fined Apple 1.8 billion euros ($1.95 billion) on Monday.", "a1.s1")
    dollars = item("fact", "The EU fined Apple $1.95 billion on Monday.", "a2.s1")
    assert len(combine([euros, dollars], Parties())) == 1
