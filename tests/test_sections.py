"""Sections that fit the story: its kind is read from cue words, and a section appears only
with findings that belong in it (briefing/sections.py, briefing/assemble.py); no model."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing import corroborate, render, sections, settings, similar, summarize
from briefing.assemble import make_story
from briefing.corroborate import budget, choose, importance, opens_a_quotation
from briefing.models import Article, Briefing, Evidence, Item, Sentence, Source, Story
from briefing.text.sentences import numbered

CRASH = [
    "A small plane crashed in the mountains on Sunday, killing all 12 people on board.",
    "The victims included ten tourists and two pilots, the civil aviation agency said.",
    "Investigators are trying to determine what caused the crash, and the airline blamed "
    "strong winds.",
    "Rescue teams recovered the bodies on Monday and flew them to the capital.",
    "The agency will begin identifying the remains through DNA testing on Tuesday.",
]
TALKS = [
    "Envoys of both countries held five hours of talks in the capital on Tuesday.",
    "Borduria demands that Syldavia withdraw its troops from the border region.",
    "There is still no compromise on the border, the central sticking point.",
    "The delegations will meet again next week in Geneva, the mediator said.",
    "Syldavia rejects the demand and calls for a ceasefire before any negotiations.",
]
VERDICT = [
    "A jury found the former chief executive guilty on all seven counts of fraud on Thursday.",
    "Prosecutors said he took $8 billion from customers to fund risky bets.",
    "The judge set sentencing for March 28, and he faces up to 110 years in prison.",
    "His lawyers said they would appeal the ruling.",
]


def article(number: int, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    return Article(id=f"a{number}", key=f"k{number}", path=f"{number}.txt", title=f"Story {number}",
                   text=text, published=dt.date(2025, 12, 5))  # fmt: skip


def facts(articles: list[Article]) -> tuple[list[Item], list[Sentence]]:
    """Every sentence as an unlabelled finding, as ground.fact_items makes them."""
    sentences = [s for a in articles for s in numbered(a)]
    items = [
        Item(
            kind="fact",
            text=s.text,
            evidence=[Evidence(sentence_id=s.id, article_id=s.article_id, text=s.text)],
        )  # fmt: skip
        for s in sentences
    ]
    return items, sentences


def finding(kind: str, text: str, sentence_id: str = "a1.s9") -> Item:
    """One finding citing the one sentence it reads as."""
    cited = [Evidence(sentence_id=sentence_id, article_id=sentence_id.split(".")[0], text=text)]
    return Item(kind=kind, text=text, evidence=cited)


def shown(*sentences: str) -> list[str]:
    """The sentences of one article that are chosen as findings, with words to spare."""
    items, _ = facts([article(1, list(sentences))])
    return [i.text for i in choose(items, words=200, articles=1)]


def weighs_more(sentence: str, *, than: str) -> bool:
    """Whether a sentence is more important than another, each alone in its own article."""
    items, _ = facts([article(1, [sentence]), article(2, [than])])
    one, other = (importance(i, articles=2) for i in items)
    return one > other


def story_of(*texts: list[str]) -> Story:
    articles = [article(n, t) for n, t in enumerate(texts, start=1)]
    items, sentences = facts(articles)
    skeleton = Story(id="st-1", title="Story 1", article_ids=[a.id for a in articles])
    published = {a.id: a.published for a in articles}
    return make_story(skeleton, items, [], published, articles, sentences)


def test_a_plane_crash_is_an_incident_and_a_negotiation_is_a_negotiation():
    assert sections.story_kind(CRASH) == "incident"
    assert sections.story_kind(TALKS) == "negotiation"
    assert sections.story_kind(VERDICT) == "decision"


def test_a_coup_is_an_incident_not_a_corporate_takeover():
    coup = [
        "Army officers seized power in Gabon in a coup after the election result was announced.",
        "Gunfire was heard in the capital after the military takeover, a reporter said.",
        "The junta placed the president under house arrest.",
    ]
    assert sections.story_kind(coup) == "incident"


def test_text_with_no_cue_of_any_kind_is_a_general_report():
    assert sections.story_kind(["The museum reopened its east wing to visitors."]) == "report"


def test_disaster_story_has_no_sticking_points_and_puts_the_dead_under_casualties():
    story = story_of(CRASH)
    assert story.kind == "incident"
    assert not story.sticking_points
    headings = [heading for _, heading in sections.layout(story)]
    assert "Sticking points" not in headings and "Positions by party" not in headings
    placed = {key: [i.text for i in items] for key, items in story.sections.items()}
    assert any("bodies" in text for text in placed.get("casualties", []))
    assert placed["what_happened"][0] == CRASH[0]


def test_an_explosion_is_never_a_sticking_point_of_an_attack():
    blast = [
        "Two explosions killed 14 people at a market, and the attack left dozens wounded.",
        "Police said the attackers were arrested; the obstacles to the investigation remain.",
    ]
    story = story_of(blast, blast)
    assert story.kind == "incident"
    assert not story.sticking_points


def test_empty_section_is_left_out_of_the_markdown():
    story = Story(id="st-1", title="Quake", article_ids=["a1"], kind="incident")
    text = "An earthquake killed 30 people in the north, officials said on Monday."
    found = finding("fact", text, "a1.s1")
    story.sections = {"casualties": [found]}
    briefing = Briefing(topic="", date=dt.date(2025, 12, 5), generated_at=dt.datetime.now(dt.UTC),
                        stories=[story], sources=[Source(number=1, article_id="a1", title="Quake",
                                                         path="1.txt")])  # fmt: skip
    markdown = render.to_markdown(briefing)
    assert "### Casualties and damage" in markdown
    for empty in ("Sticking points", "Next steps", "Who is responsible", "Timeline", "Key quotes",
                  "Positions by party", "None found"):  # fmt: skip
        assert empty not in markdown


def test_negotiation_keeps_positions_sticking_points_and_next_steps():
    labelled = {1: "event", 2: "position", 3: "sticking_point", 4: "next_step", 5: "position"}
    articles = [article(1, TALKS)]
    items, sentences = facts(articles)
    items = [i.model_copy(update={"kind": labelled[n]}) for n, i in enumerate(items, start=1)]
    skeleton = Story(id="st-1", title="Talks", article_ids=["a1"])
    story = make_story(skeleton, items, [], {"a1": dt.date(2025, 12, 5)}, articles, sentences)
    assert story.kind == "negotiation"
    assert story.sticking_points and story.next_steps and story.positions
    keys = [key for key, _ in sections.layout(story)]
    assert keys.index("positions") < keys.index("sticking_points") < keys.index("next_steps")


def test_a_storys_findings_take_a_share_of_its_words_within_a_floor_and_a_ceiling():
    share = settings.current().finding_words
    assert budget(2000, 4) == int(share * 2000) - 15 * 4  # a share of the sources' words
    assert budget(250, 3) == 150  # three short wire stories still get their leads
    assert budget(12000, 10) == 1000  # ten long pages: a briefing, not a digest


def test_a_contested_figure_is_read_under_where_sources_differ_not_again_as_a_finding():
    first = [
        "Floods killed 11,300 people in the city of Derna, the Red Crescent said on Thursday.",
        "Rescuers searched the mud for survivors along the river.",
    ]
    second = [
        "Aid convoys reached the port on Friday after the roads reopened.",
        "Floods killed 3,922 people in the city of Derna, the World Health Organization said.",
    ]
    with settings.override(contested_findings=1):
        story = story_of(first, second)
    (toll,) = story.differences
    assert {v.evidence[0].sentence_id for v in toll.variants} == {"a1.s1", "a2.s2"}
    shown_texts = [i.text for i in story.items]
    # the most important stays, so that the bottom line names the toll; the other is not repeated
    assert first[0] in shown_texts and second[1] not in shown_texts
    assert first[1] in shown_texts and second[0] in shown_texts


def test_a_finding_that_tells_again_what_a_chosen_one_told_gives_way_to_another_fact():
    takeover = finding("event", "UBS has agreed to buy Credit Suisse in a rescue backed by the "
                       "Swiss government.", "a1.s1")  # fmt: skip
    retold = finding("event", "UBS will take over Credit Suisse in a rescue backed by the Swiss "
                     "government, the bank said.", "a2.s1")  # fmt: skip
    other = finding("event", "Shareholders will be given no vote on the deal, which regulators "
                    "pushed through.", "a3.s3")  # fmt: skip

    def two_of(redundancy: float) -> list[str]:
        room = corroborate.cost(takeover) + corroborate.cost(retold)
        chosen = choose([takeover, retold, other], room, 3, 0.8, 0.12, 1.0, redundancy)
        return [i.text for i in chosen]

    # the second lead is the more important alone, but says what the first said
    assert two_of(redundancy=0.0) == [takeover.text, retold.text]
    assert two_of(redundancy=0.6) == [takeover.text, other.text]
    assert sections.weights("negotiation")[3] == 0.0  # positions restate one another by design


def test_words_left_over_are_not_filled_with_a_sentence_deep_in_one_article():
    deep = "Freezes are also subject to the laws of each state."
    aside = ("Residents of the valley have long complained about the noise of the small planes "
             "that fly tourists over the forest to the beaches of the coast.")  # fmt: skip
    items, _ = facts([article(1, [*CRASH, deep, aside])])
    whole = sum(corroborate.cost(i) for i in items)
    # all of it fits: a short story is shown whole
    assert deep in [i.text for i in choose(items, words=whole, articles=1)]
    # not all of it fits: the crash is told, and the filler stays out though it would fit
    words = whole - corroborate.cost(items[-1])
    chosen = choose(items, words=words, articles=1)
    assert set(CRASH[:4]) <= {i.text for i in chosen}
    assert deep not in {i.text for i in chosen}
    assert sum(corroborate.cost(i) for i in chosen) + corroborate.cost(items[-2]) <= words


def test_a_finding_a_section_of_the_story_claims_is_chosen_before_one_no_section_claims():
    scenery = finding("fact", "The mountain road winds past coffee farms and waterfalls.",
                      "a1.s9")  # fmt: skip
    blamed = finding("fact", "Local officials blamed the airline for flying its plane in strong "
                     "winds.", "a2.s9")  # fmt: skip
    room = max(corroborate.cost(scenery), corroborate.cost(blamed))
    incident = sections.weights("incident")
    with settings.override(filler_floor=0.0):  # both are deep in their articles
        (chosen,) = choose([scenery, blamed], room, 2, *incident, sections.section_of("incident"))
    assert chosen is blamed  # "Who is responsible"
    assert importance(scenery, 2) >= importance(blamed, 2)  # alone they weigh the same
    assert sections.weights("negotiation")[4] == 0.0  # its sections are its labels


def test_the_lead_of_an_article_is_chosen_before_a_later_sentence_of_the_same_weight():
    items, _ = facts([article(1, CRASH)])
    (first,) = choose(items, words=20, articles=1)
    assert first.text == CRASH[0]


def test_a_sentence_that_opens_a_quotation_it_does_not_close_is_not_shown_alone():
    assert opens_a_quotation("“We expect a very big number of victims.")
    assert not opens_a_quotation("It can reach 20,000 deaths,” the mayor said.")
    assert not opens_a_quotation("He called it “an insult” on Sunday.")
    assert opens_a_quotation('He hailed a "historic outcome," and said "in the years ahead, we')


def test_the_end_of_a_quotation_begun_before_is_shown_only_with_its_speaker():
    ended = 'This incident was also covered in the media, the firm said at the time."'
    attributed = "It can reach 20,000 deaths in the city,” the mayor of Derna said."
    assert shown(ended, attributed) == [attributed]


def test_a_quotation_closed_with_the_other_kind_of_mark_is_closed():
    assert not opens_a_quotation('Guterres said he “had hoped for a more ambitious outcome."')


def test_a_would_in_a_memory_is_not_what_comes_next_after_a_disaster():
    memory = "Whenever he would speak, it left you with an impression for the rest of the day."
    item = finding("next_step", memory)
    assert "next_steps" not in sections.assign([item], "incident")
    assert "next_steps" in sections.assign([item], "negotiation")


def test_a_will_of_a_relative_clause_is_no_next_step_but_the_sentences_own_is():
    from briefing.cues import kind_of

    assert kind_of("The cabinet approved a deal that would see the release of 50 people.") is None
    assert kind_of("Hamas will free 50 women and children over four days.") == "next_step"


def test_soon_after_an_event_is_no_next_step_but_soon_is():
    past = finding("fact", "Beyond the 57 who escaped soon after their capture, one was found.")
    assert "next_steps" not in sections.assign([past], "incident")
    ahead = past.model_copy(update={"text": "Their names will be released soon, Shehu said."})
    assert "next_steps" in sections.assign([ahead], "incident")


def test_a_reaction_is_a_position_whatever_will_its_quotation_holds():
    from briefing.cues import kind_of

    hailed = (
        "Meanwhile, US President Joe Biden hailed the agreement as a “historic outcome,” "
        "asserting that it “will help mobilize the level of finance” developing countries need."
    )
    assert kind_of(hailed) == "position"
    assert kind_of("The minister will travel to Brussels next week to sign it.") == "next_step"


def test_a_position_told_in_the_past_tense_is_a_position():
    from briefing.cues import kind_of

    for told in (
        "Mr Bankman-Fried testified that he did not defraud FTX customers.",
        "Albers insisted that migrants who commit serious crimes be deported.",
        "The defence argued that he was a maths nerd out of his depth.",
        "Developing countries demanded at least $1.3 trillion a year.",
        "Human rights groups urged the government to open an inquiry.",
    ):
        assert kind_of(told) == "position", told
    for other in (
        "The judge maintained a firm yet humorous demeanor.",
        "The crash claimed the lives of 12 people, including 10 tourists.",
        "The plan called for 5,000 troops to guard the border.",
        "Residents were urged to boil their water.",
        "The two men argued outside the bar.",
    ):
        assert kind_of(other) is None, other


def test_what_is_too_soon_to_tell_is_no_next_step():
    from briefing.cues import kind_of

    unknown = "It was too soon to tell whether the crash would affect the tourism boom."
    assert kind_of(unknown) is None
    assert kind_of("Investigators will publish their report soon.") == "next_step"


def test_an_office_holder_speaking_weighs_more_than_the_same_words_from_a_bystander():
    official = "Meanwhile, US President Joe Biden hailed the agreement as historic for the region."
    bystander = "Meanwhile, US shopkeeper Joe Biden of Ohio hailed the agreement as historic today."
    assert weighs_more(official, than=bystander)
    body = "The head of the World Meteorological Organisation said most deaths could be avoided."
    crowd = "A man outside the Sahaba Mosque in Derna said most of the deaths could be avoided."
    assert weighs_more(body, than=crowd)


def test_summary_candidates_read_alone_without_a_pronoun_or_a_quotation_begun_before():
    story = story_of(
        [
            "A small plane crashed in the mountains on Sunday, killing all 12 people on board.",
            "They identified them as Bruce and Irene Steinberg and their three sons.",
            "Rich nations will not address the challenge we all face,” the envoy said.",
        ],
        ["A small plane crashed in the mountains on Sunday, killing all 12 people on board."],
    )
    texts = [i.text for i in summarize.candidates(story)]
    assert texts[0].startswith("A small plane crashed")
    assert not [t for t in texts if t.startswith(("They", "Rich"))]


def test_a_question_the_article_asks_is_not_a_finding_but_a_quoted_one_is():
    asked = "Did a Chinese ship deliver oil to North Korea in defiance of the sanctions?"
    quoted = "“Where is the money for our farmers?” the envoy asked the delegates on Sunday."
    assert shown(asked, quoted) == [quoted]


def test_a_subheading_asking_about_a_quoted_term_is_not_a_finding():
    asked = "– What is “Super Saturday” and why does it matter?"
    news = "MPs will vote on the deal at a rare Saturday sitting of the House of Commons."
    assert shown(asked, news) == [news]


@pytest.mark.parametrize(
    "entry",
    [
        "Rishi Sunak – Chancellor",
        "(SACKED) Michael Gove – Secretary of State for Levelling Up, Housing and Communities",
        "Julia Lopez – Media and Digital Infrastructure minister",
    ],
)
def test_a_list_entry_of_a_name_and_a_post_is_not_a_finding(entry: str):
    assert shown(entry) == []
    assert shown("Rishi Sunak resigned as Chancellor on Tuesday evening, citing standards.")


@pytest.mark.parametrize(
    "line",
    [
        "Shelby Talcott Senior White House Correspondent",
        "Sam Altman Fired as CEO of OpenAI by the Board of Directors.",
        "(Reporting by Ali Sawafta and Maayan Lubell; Writing by Maayan Lubell)",
        "Orange, Osceola and Seminole, Polk, Lake counties",
        "Chokoloskee to Anclote River, including Tampa Bay",
    ],
)
def test_a_headline_byline_or_credit_in_the_text_is_not_a_finding(line: str):
    assert shown(line) == []
    assert shown("Sam Altman was fired as CEO of OpenAI by the board of directors on Friday.")


def test_a_sentence_of_names_and_one_in_capitals_are_findings():
    for sentence in (
        "President Joe Biden is in Hanoi on Sunday.",
        "HAMAS ATTACKED ISRAEL ON SATURDAY, KILLING 1,200 PEOPLE.",
        "The DPP has lost its majority in the Legislative Yuan",
    ):
        assert shown(sentence) == [sentence]


def test_a_negotiations_findings_take_a_larger_share_of_its_words():
    # Each party's positions, the sticking points and the next steps need their lines.
    talks, crash = sections.finding_share("negotiation"), sections.finding_share("incident")
    assert talks > crash == settings.current().finding_words
    assert budget(4000, 5, share=talks) > budget(4000, 5) == budget(4000, 5, share=crash)


def test_a_storys_findings_keep_their_floor_when_differences_take_words():
    assert budget(250, 3, shown=100) == 150
    assert budget(2000, 4, shown=40) == budget(2000, 4) - 40


def test_each_outlets_lead_giving_its_own_toll_is_not_all_left_to_the_differences():
    leads = [
        [f"Floods in eastern Kenya have killed {n} people, officials said on Monday.",
         "Rescuers searched the river banks for survivors through the night."]
        for n in (12, 14, 15, 17)
    ]  # fmt: skip
    story = story_of(*leads)
    assert any("Floods in eastern Kenya" in i.text for i in story.items)


def test_a_revised_figure_weighs_more_than_a_figure_merely_stated():
    revised = "The commission later revised the figure down to 50.67 percent of the vote."
    stated = "The commission said in Harare that he won 50.8 percent of the vote there."
    assert weighs_more(revised, than=stated)


def test_advice_to_the_reader_is_not_a_finding_but_a_quotation_saying_you_is():
    advice = "Freezing allows you to close down your credit file in a way that stops thieves."
    told = "“We are here to protect you,” the police commander told the crowd in Harare."
    host = "And as you mentioned, it was a crowd of about 1,000 young men at the station."
    assert shown(advice, told, host) == [told, host]


def test_a_broadcast_introducing_its_guest_is_not_a_finding():
    intro = "NPR's Berlin correspondent, Soraya Sarhaddi Nelson, joined us for more."
    joins = "Our reporter in Kyiv, who covered the talks all week, joins us now from the capital."
    news = "Nelson said the largest number of attacks happened near the main railway station."
    assert shown(intro, joins, news) == [news]


def test_the_article_pointing_at_itself_is_not_a_finding():
    signposts = [
        "Here are 8 things to know about the leak and the law firm behind it.",
        "We answer some pressing questions about the huge document leak.",
        "Here's a look at where things stand after the floods in the east.",
        "Here are the questions we don’t have answers to, drawn from 18 questions I sent to "
        "Equifax on Sept. 13 and to which the company has not responded.",
    ]
    news = "Here are the 11.5 million documents that the newspaper obtained from a source."
    latest = "Here's the latest: Hamas released 13 Israeli hostages on Friday in Gaza."
    assert sorted(shown(*signposts, news, latest)) == sorted([news, latest])


def test_advice_to_cause_no_concern_is_not_who_is_responsible_for_a_breach():
    advice = "If there is anything to cause concern, report it to the company straight away."
    item = finding("fact", advice)
    assert "responsibility" not in sections.assign([item], "incident")
    blamed = "The cause of the breach was an unpatched web server, the company said on Monday."
    item = item.model_copy(update={"text": blamed})
    assert "responsibility" in sections.assign([item], "incident")


def test_what_happened_opens_on_a_sentence_that_reads_alone():
    pointing = "Their American guide was the tenth victim from the United States."
    item = finding("fact", pointing, "a1.s2")
    assert "what_happened" not in sections.assign([item], "incident")
    named = item.model_copy(update={"text": "The American guide was the tenth victim."})
    assert "what_happened" in sections.assign([named], "incident")


def test_a_reaction_is_someones_an_unattributed_position_is_another_detail():
    said = "The company's decision drew sharp criticism from consumer groups on Monday."
    nobody = finding("position", said)
    assert "positions" not in sections.assign([nobody], "incident")
    assert "details" in sections.assign([nobody], "incident")
    somebody = nobody.model_copy(update={"party": "Consumer groups"})
    assert "positions" in sections.assign([somebody], "incident")


def test_someone_elses_words_a_name_and_a_quoted_phrase_saying_you_are_no_advice():
    kept = [
        "You Ji, a professor at the University of Macau, said Beijing would respond in kind.",
        "Residents said you could hear the explosion from ten miles away on Tuesday night.",
        "He warned that the attackers would 'make you pay' for the attack on the base.",
        "NELSON: Well, you know, officials now say at least 12 people died in the fire.",
    ]
    assert sorted(shown(*kept)) == sorted(kept)


def test_a_section_no_chosen_finding_fills_gets_its_most_important_candidate():
    lead = [
        finding(
            "event",
            f"Both sides agreed to a ceasefire on Tuesday, officials said ({n}).",
            f"a{n}.s1",
        )
        for n in range(1, 4)
    ]
    clause = finding(
        "sticking_point",
        "However, a contentious provision remains: Israel reserves the right to respond.",
        "a4.s6",
    )
    words = sum(len(i.text.split()) + 2 for i in lead)  # room for the leads only
    plain = choose([*lead, clause], words=words, articles=4, label_weight=0.8)
    assert clause not in plain
    placed = choose(
        [*lead, clause],
        words=words,
        articles=4,
        label_weight=0.8,
        section_of=sections.section_of("negotiation"),
    )
    assert clause in placed


@pytest.mark.parametrize(
    "sentence",
    [
        "The image released by the Israeli military shows a tunnel shaft beneath the hospital.",
        "A satellite image taken on Tuesday shows that entire neighbourhoods were destroyed.",
    ],
)
def test_a_sentence_about_what_a_picture_shows_is_a_finding(sentence: str):
    assert shown(sentence) == [sentence]


@pytest.mark.parametrize(
    ("caption", "news"),
    [
        (  # someone placed in the picture
            "Theranos founder Elizabeth Holmes, center, arrives at the federal courthouse in San "
            "Jose, Calif., on Friday, Nov. 18, 2022.",
            "Holmes was sentenced to more than 11 years in prison for defrauding investors.",
        ),
        (  # a passive caption, dated
            "A South Korean Hyunmoo II ballistic missile is fired during an exercise at an "
            "undisclosed location on September 15, 2017.",
            "North Korea fired a ballistic missile over the island of Hokkaido on Friday.",
        ),
        (  # a picture desk's caption run into a paragraph
            "Federal Reserve Chairman Jerome Powell speaks during a news conference at the William "
            "McChesney Martin Jr. Federal Reserve Board Building on September 18, 2024 in "
            "Washington, DC.",
            "The Federal Reserve cut its benchmark rate by 50 basis points on Wednesday.",
        ),
        (  # a gallery's caption run into the text
            "Hide Caption 9 of 25 Photos: Bastille Day terror: Harrowing images of truck attack "
            "in Nice The truck plowed into a crowd leaving a fireworks display in Nice.",
            "A truck rammed into a crowd in Nice, killing dozens, local media reported on Friday.",
        ),
        (  # a numbered gallery's caption
            "13/16 2014 Razima holds her two-year-old son while waiting for medical attention.",
            "A Taliban suicide bomber rammed a car into the wall of the German consulate.",
        ),
        (  # a numbered gallery's caption with its day
            "19/34 12 November 2017 A veteran takes his hat off during the ceremony.",
            "Seven people have died and dozens more have been injured after a tram overturned.",
        ),
        (  # a picture credit run into its caption
            "Usa Today Sports Chicago Cubs catcher David Ross is carried off the field.",
            "The Chicago Cubs beat the Cleveland Indians 8-7 in 10 innings in Game 7.",
        ),
        (
            "Reuters Starting pitcher Jake Arrieta starts the party.",
            "The Chicago Cubs beat the Cleveland Indians 8-7 in 10 innings in Game 7.",
        ),
        (  # a wire picture's caption
            "Shinzo Abe lies on the ground after he was shot in Nara, western Japan July 8, 2022 "
            "in this photo taken by The Asahi Shimbun.",
            "Former Prime Minister Shinzo Abe was gunned down on Friday while campaigning.",
        ),
        (  # a picture agency opening a caption
            "Getty Images The German consulate building suffered massive damage in the assault.",
            "A Taliban suicide bomber rammed a car into the wall of the German consulate.",
        ),
        (  # one opening on the picture
            "This video grab taken from Gabon 24 on August 30, 2023, shows Gabonese soldiers "
            "carrying General Brice Oligui Nguema.",
            "Army officers in Gabon announced on Wednesday that they had seized power.",
        ),
        (  # dated the AP way
            "Yevgeny Prigozhin looks out from a military vehicle on a street in Rostov-on-Don, "
            "Russia, Saturday, June 24, 2023, leaving the headquarters of the district.",
            "Prigozhin turned his fighters back from a march on Moscow on Saturday.",
        ),
        (  # a paywall's offer
            "Continue reading the full article: Subscribe to The Telegraph with our special offer.",
            "Prigozhin turned his fighters back from a march on Moscow on Saturday.",
        ),
    ],
)
def test_a_picture_desks_caption_is_no_finding(caption: str, news: str):
    assert shown(caption, news) == [news]


def test_a_quote_about_a_photo_and_news_about_a_picture_agency_are_findings():
    quote = "“Everyone in this photo is dead now,” Hassan said, scrolling to a picture."
    getty = "Getty Images CEO Craig Peters said the company would consider an appeal."
    reuters = "Reuters Breakingviews said the deal undervalued the company."
    assert sorted(shown(quote, getty, reuters)) == sorted([quote, getty, reuters])


def test_the_end_of_a_quotation_that_points_back_is_no_finding_unless_it_gives_a_figure():
    news = "Biden said the ceasefire would take effect at 4 a.m. on Wednesday."
    nor = "Nor did the United States,” Biden said."
    toll = "It can reach 18,000 to 20,000 deaths in Derna,” the mayor said."
    assert sorted(shown(news, nor, toll)) == sorted([news, toll])


def test_a_sentence_cut_off_mid_clause_or_a_logo_caption_is_no_finding():
    cut = "The company's woes went from bad to worse in the last week,"
    logo = "The Intel logo is displayed on the exterior of Intel headquarters in Santa Clara."
    news = "Intel will cut 15,000 jobs and suspend its dividend, the company said on Thursday."
    assert shown(news, logo, cut) == [news]


@pytest.mark.parametrize(
    "note",
    [
        "Calls to several Hasina aides seeking comment were not immediately returned.",
        "A spokesman for the ministry did not respond to a request for comment.",
        "Police officials did not immediately return calls seeking comment.",
        "Those residing overseas can press 82-1599-8629, and in the US, 1-833-892-0197.",
        "A casualty bureau number has been set up for relatives to call – 0800 056 0154.",
        "Credit Suisse and UBS declined to comment.",
    ],
)
def test_a_note_that_nobody_answered_or_a_hotlines_number_is_not_a_finding(note: str):
    assert shown(note) == []


@pytest.mark.parametrize(
    "news",
    [
        "Several villages near the epicentre could not be reached because landslides had blocked "
        "the roads.",
        "Hamas did not respond to a request from Egyptian mediators for a list of living "
        "hostages, officials said.",
        "Britain joined US forces in strikes on more than a dozen Houthi targets in Yemen.",
        "The Prime Minister delivers her budget to parliament on March 12, 2025.",
        "The bank's headquarters is seen by many Lebanese as a symbol of the financial collapse.",
        "The cabinet discusses a new capital control law on Thursday.",
        "The Hwasong-12, which is launched from a mobile truck, flew over Japan on September 15, "
        "2017.",
    ],
)
def test_news_that_looks_like_a_no_comment_an_introduction_or_a_caption_is_a_finding(news):
    assert shown(news) == [news]


def test_a_finding_restating_one_chosen_finding_is_left_but_one_joining_two_is_not():
    killed = "Israeli strikes killed 45 people across Gaza on Tuesday, health officials said."
    targets = "The military said it had hit 120 targets across the strip in the past day."
    wounded = "Officials in Gaza said another 120 people were wounded and 45 remain missing."
    assert shown(killed, targets, wounded) == [killed, targets, wounded]


def test_a_finding_whose_figure_is_told_of_the_storys_protagonist_is_the_same_fact():
    sentence = (
        "He could be sentenced to as long as 115 years in prison, the Washington Post reports."
    )
    named = "Sam Bankman-Fried was found guilty on Thursday of defrauding customers of FTX."
    led = "The jury took four hours to convict Bankman-Fried of seven counts."
    again = (
        "The severity of the charges is evident for Bankman-Fried, who now confronts the "
        "possibility of a maximum sentence of 115 years in federal prison."
    )
    assert again not in shown(sentence, named, led, again)  # the story's protagonist
    # a name no finding has named is news: "115 years" said of another man is another fact
    other = "His co-defendant Caroline Ellison faces a maximum sentence of 115 years as well."
    assert other in shown(sentence, named, other)
    # a name that opens the sentence is a name too, when the story writes it inside one
    testified = "His former partner Caroline Ellison testified against him for three days."
    faces = "Ellison also faces a maximum sentence of 115 years in prison."
    assert faces in shown(sentence, testified, faces)
    # the same number counting other things, in a place named by another finding
    killed = "Floods killed 20 people in Derna on Sunday, officials said."
    rescued = "Rescuers in Benghazi pulled survivors from the rubble of a collapsed school."
    bridges = "In Benghazi, the storm destroyed 20 bridges and cut the road to Derna."
    assert bridges in shown(killed, rescued, bridges)


@pytest.mark.parametrize(
    "sentence",
    [
        "This will be activated if losses are actually incurred on this portfolio.",
        "He was found guilty by a jury.",
        "That figure is expected to grow as more bodies are retrieved from the mud.",
        "Unfortunately, they won’t be providing any warnings though.",  # after its opening
        "This year, it took a dark turn.",
        # ending on what came before, named or not
        "President Trump and South Korea seem to think so.",
        "Bank shares are under pressure as worries mount about exposure to this.",
        "So did German Chancellor Angela Merkel.",  # its verb is in the sentence before
        "It says the two are unrelated.",  # "the two" are the two before
        "And it turns out, that happened immediately.",  # after its conjunction
        "But this is exactly what developing countries came for: to haggle and push.",
    ],
)
def test_a_sentence_that_points_back_and_names_nothing_is_no_finding(sentence):
    assert shown(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "But there was no warning about the dams collapsing.",  # a conjunction points at no one
        "But his lawyers said they would appeal the verdict.",  # a possessive has its noun
        "He said another two were under the age of 18.",  # a figure is news
        "They identified them as Bruce and Irene Steinberg of Scarsdale.",  # names are news
        "His defence lawyers are expected to appeal the verdict.",  # a possessive has its noun
        "They said the U.N. had refused to send rescue teams to the area.",  # a name with dots
        "They were taken to al-Shifa hospital, medics said.",  # a name after a hyphen
        "That night, floodwaters swept away entire neighbourhoods.",  # a time, not a reference
        "In Benghazi, they buried 200 people in a mass grave.",  # a place and a figure
        "The minister called the ruling “a betrayal” and vowed to appeal against this.",  # words
        "Rescuers said 40 bodies were found near this.",  # a figure is news
        "UBS, which declined to comment on the report, said it would cut 3,000 jobs.",  # a clause
        "They said the two children died in hospital.",  # "the two" counting children
        "After the floods, this week the government declared a state of emergency.",  # a time
        "They said the two ships had docked there on Sunday.",  # the two ships, counted
    ],
)
def test_a_sentence_that_points_back_but_says_something_is_a_finding(sentence):
    assert shown(sentence) == [sentence]


def test_a_word_of_harm_that_sets_the_scene_does_not_make_a_finding_a_casualty():
    convoy = finding(
        "fact",
        "A convoy of 87 medical professionals was headed for communities affected by the floods.",
    )
    exposed = finding("fact", "The breach exposed the data of 143 million Americans.")
    complaint = finding(
        "fact", "Subject to a cybersquatting complaint, the domains were bought through GoDaddy."
    )
    complaints = finding("fact", "Police are investigating 821 complaints of criminal behaviour.")
    placed = sections.assign([convoy, exposed, complaint, complaints], "incident")
    casualties = [i.text for i in placed.get("casualties", [])]
    assert casualties == [exposed.text, complaints.text]
    assert convoy.text in [i.text for i in placed.get("response", [])]


def test_a_crew_member_identified_by_name_is_not_who_is_responsible():
    crew = finding("fact", "The co-pilot was identified as Emma Ramos, officials said on Monday.")
    assert "responsibility" not in sections.assign([crew], "incident")
    gunman = crew.model_copy(update={"text": "Police said the gunman was a 64-year-old local man."})
    assert "responsibility" in sections.assign([gunman], "incident")


def test_a_line_on_the_storys_subject_is_closer_to_its_centre_than_a_bystanders_colour():
    texts = [
        "The Nature Air plane crashed in Costa Rica, killing all 12 people aboard.",
        "Investigators said strong winds may have caused the plane crash in Costa Rica.",
        "The crash of the Nature Air plane killed 10 Americans and two Costa Rican pilots.",
        "They both played the ukulele and the guitar, and Ari had taken up songwriting.",
    ]
    scores = similar.centrality(texts)
    assert max(scores) == 1.0
    assert scores[3] == min(scores) < min(scores[:3])
    assert similar.centrality(["It was.", "It is."]) == [0.0, 0.0]  # stop words only: no crash


def test_an_appeal_to_come_is_the_outlook_of_a_decision_not_the_decision():
    appeal = finding("fact", "His defence lawyers are expected to appeal the verdict on Monday.")
    placed = sections.assign([appeal], "decision")
    assert list(placed) == ["next_steps"]
    for decided in (
        "The court rejected his appeal, meaning he will remain in prison after the verdict.",
        "The government appealed to UBS to take over Credit Suisse, a deal that will be approved.",
    ):
        rejected = appeal.model_copy(update={"text": decided})
        assert list(sections.assign([rejected], "decision")) == ["decision"]


@pytest.mark.parametrize(
    "ahead",
    [
        "He could be sentenced to as long as 115 years in prison after the verdict.",
        "His sentencing will be determined by a judge, typically within 90 days of a verdict.",
        "A tentative sentencing date was set for March 28, 2024, after the guilty verdict.",
        "He faces a separate trial for allegedly bribing officials, despite the verdict.",
        "The takeover is expected to close by the end of the year.",
        "The merger is subject to shareholder approval, the banks said.",
        "He is due to be sentenced on Friday.",
        "The deal still needs regulatory approval.",
    ],
)
def test_a_sentence_trial_or_closing_still_to_come_is_the_outlook_of_a_decision(ahead: str):
    assert list(sections.assign([finding("fact", ahead)], "decision")) == ["next_steps"]


@pytest.mark.parametrize(
    "decided",
    [
        "He was sentenced to 25 years in prison on Thursday.",
        "The jury found him guilty on all seven counts he faced.",
        "UBS agreed to buy Credit Suisse in a deal that closed on Monday.",
        # decided in the same sentence as what comes next
        "Derek Chauvin was found guilty of murder and faces up to 40 years in prison.",
        "UBS agreed to buy Credit Suisse for $3.2 billion in a deal expected to close this year.",
        "He was convicted on Thursday and could be sentenced to more than 100 years.",
    ],
)
def test_a_decision_handed_down_stays_the_decision(decided: str):
    assert list(sections.assign([finding("fact", decided)], "decision")) == ["decision"]
