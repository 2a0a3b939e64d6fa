"""Key quotes are cut verbatim from the source and attributed to the speaker next to them."""

from __future__ import annotations

from pathlib import Path

from briefing.ingest import make_article
from briefing.quotes import find_quotes


def quotes_of(*texts: str):
    return find_quotes([make_article(n, Path(f"{n}.txt"), t) for n, t in enumerate(texts, 1)])


def test_quote_is_verbatim_and_attributed_to_the_named_speaker():
    (quote,) = quotes_of("“Not further, that’s for sure, and more,” Ushakov said on Friday.")
    assert quote.text == "Not further, that’s for sure, and more,"
    assert quote.speaker == "Ushakov"
    assert quote.evidence[0].sentence_id == "a1.s1"


def test_speaker_before_a_colon_is_found():
    (quote,) = quotes_of('Kremlin aide Yuri Ushakov told Zvezda: "We are making progress on it."')
    assert quote.speaker == "Yuri Ushakov"


def test_quote_spanning_two_sentences_cites_both():
    (quote,) = quotes_of(
        "He said: “We are close to a deal. This is encouraging news.” Then he left."
    )
    assert [e.sentence_id for e in quote.evidence] == ["a1.s1", "a1.s2"]


def test_same_quote_in_two_outlets_is_one_quote_citing_both():
    text = "“They don’t have a peace agenda at all,” Putin said."
    (quote,) = quotes_of(text, "In Moscow. " + text)
    assert quote.article_ids == ["a1", "a2"]


def test_scare_quotes_of_few_words_are_not_key_quotes():
    assert quotes_of("Trump called the meeting “reasonably good” on Thursday.") == []
    assert quotes_of("Critics said the deal was “an insult to us.”") == []  # no named speaker


def test_the_opening_word_of_a_clause_is_no_speaker():
    (quote,) = quotes_of(
        "In a statement the company said: “Despite considerable efforts, those discussions have "
        "not resulted in agreement.”"
    )
    assert quote.speaker != "In"


def test_a_crowd_counted_but_not_named_is_no_speaker():
    (quote,) = quotes_of(
        "Protesters gathered outside parliament. Some shouted: “Arrest the president, and do it "
        "tonight.”"
    )
    assert quote.speaker is None


def test_a_short_whole_sentence_a_named_speaker_says_is_a_key_quote():
    (quote,) = quotes_of(
        "Nigeria’s envoy Nkiruka Maduekwe put it more bluntly: “This is an insult.”"
    )
    assert (quote.text, quote.speaker) == ("This is an insult.", "Nkiruka Maduekwe")


def test_a_speakers_name_keeps_its_lowercase_particles():
    for said, speaker in (
        (
            "“It can reach 20,000 deaths in the city,” Mayor Abdulmenam al-Ghaithi said.",
            "Abdulmenam al-Ghaithi",
        ),
        (
            "“We will rebuild the city in a year,” said Ursula von der Leyen.",
            "Ursula von der Leyen",
        ),
        ("“We will rebuild the city in a year,” Mohammed bin Salman said.", "Mohammed bin Salman"),
    ):
        (quote,) = quotes_of(said)
        assert quote.speaker == speaker
    (plain,) = quotes_of("“We won the vote in the end,” Chamisa said in La Paz.")
    assert plain.speaker == "Chamisa"


def test_titles_and_institutions_are_not_part_of_the_speaker():
    (first, second) = quotes_of(
        "“No one is above the law, however rich,” Attorney General Merrick Garland said.",
        "“It was one of the biggest frauds in history,” U.S. Attorney Damian Williams said.",
    )
    assert (first.speaker, second.speaker) == ("Merrick Garland", "Damian Williams")


def test_key_quotes_give_each_named_speaker_a_voice_before_anyones_second_quote():
    from briefing.corroborate import combine_quotes

    quotes = quotes_of(
        "“We will not accept this deal under any terms,” Raina said. “This document is little "
        "more than an optical illusion,” Raina said.",
        "“We will not accept this deal under any terms,” Raina said. “This document is little "
        "more than an optical illusion,” Raina said.",
        "“People doubted that Azerbaijan could deliver,” Babayev said.",
        "“The money is not enough for the poorest countries,” Guterres said.",
    )
    speakers = [q.speaker for q in combine_quotes(quotes)]
    assert speakers[0] == "Raina"  # the most corroborated
    assert sorted(speakers[1:]) == ["Babayev", "Guterres"]


def test_one_person_named_two_ways_is_one_voice_and_speaks_in_a_whole_sentence_first():
    from briefing.corroborate import combine_quotes

    kelleher = (
        "UBS chairman Colm Kelleher called the bank a “very fine asset we are determined to "
        "keep”. “This acquisition is attractive for UBS shareholders, but this is an emergency "
        "rescue,” Colm Kelleher said."
    )
    ermotti = "“The task at hand is urgent and challenging for all of us,” Ermotti said."
    voices = {q.speaker: q.text for q in combine_quotes(quotes_of(kelleher, ermotti))[:2]}
    # His whole quoted sentence, not the phrase quoted inside reported speech before it.
    assert voices["Colm Kelleher"].startswith("This acquisition is attractive")
    again = "“But the majority of our business is global and will stay so,” Mr Kelleher said."
    voices = [q.speaker for q in combine_quotes(quotes_of(again, kelleher, ermotti))[:2]]
    assert "Ermotti" in voices  # Mr Kelleher is Colm Kelleher: one voice, not two


def test_a_remark_two_outlets_word_slightly_differently_is_one_key_quote():
    from briefing.corroborate import combine_quotes

    quotes = quotes_of(
        "“We're thankful that between the Mayday and the collapse that we had officials who "
        "were able to stop the flow of traffic,” Moore said. “The bridge was fully up to code,” "
        "Moore said.",
        "“We’re thankful that between the mayday and the collapse, we had officials who were "
        "able to begin to stop the flow of traffic,” Moore said.",
    )
    shown = [q.text for q in combine_quotes(quotes)]
    assert len(shown) == 2
    assert shown[1] == "The bridge was fully up to code,"
    # two sides' mirror-image accusations are two remarks
    both = quotes_of(
        "“Hamas has repeatedly violated the ceasefire agreement in Gaza,” Netanyahu said.",
        "“Israel has repeatedly violated the ceasefire agreement in Gaza,” Qassem said.",
    )
    assert len(combine_quotes(both)) == 2


def test_he_paragraphs_after_another_speaker_is_not_that_speaker():
    (first, second) = quotes_of(
        "“The accusations are groundless and absurd,” Hong Lei said on Tuesday.\n\n"
        "The family of Messi said the revelations showed no wrongdoing at all.\n\n"
        "Iceland's prime minister resisted mounting pressure to step down on Monday.\n\n"
        "Huge crowds gathered outside parliament. But the prime minister insisted he had never "
        "hidden money abroad.\n\n"
        "“I have not considered quitting because of this matter,” he told Icelandic television."
    )
    assert first.speaker == "Hong Lei"
    assert second.speaker is None  # unattributed, rather than the wrong man
    (third,) = quotes_of(
        "“We will keep talking to them,” Hong Lei said.\n\n“It will go on,” he said."
    )
    assert third.speaker == "Hong Lei"
    # nobody else between: he is still the mayor, however many sentences on
    (_, fourth) = quotes_of(
        "“We will rebuild every home that was lost,” Mayor John Smith said on Monday.\n\n"
        "The river rose three metres overnight. Roads were closed across the county. Schools "
        "shut their doors. Power was cut to 4,000 homes.\n\n"
        "“It will take years, but we will do it together,” he said."
    )
    assert fourth.speaker == "John Smith"


def test_someone_made_to_speak_by_the_subject_is_not_the_subject():
    (quote,) = quotes_of(
        "The Papers led the president of Argentina to announce: “I have nothing to hide.”"
    )
    assert quote.speaker is None
    (own,) = quotes_of(
        'Prime Minister Rishi Sunak took to social media to say: "We will not let these thugs '
        'win, and they will face justice."'
    )
    assert own.speaker == "Rishi Sunak"


def test_a_speaker_named_after_said_an_organisation_and_a_title_is_the_person():
    (quote,) = quotes_of(
        "“We felt we had a better horse,” said UBS chairman Colm Kelleher of the decision."
    )
    assert quote.speaker == "Colm Kelleher"
    (quote,) = quotes_of("“We don’t know where it’s coming down.” Or so the agency said then.")
    assert quote.speaker is None


def test_a_speaker_is_quoted_in_the_fullest_of_equally_attested_remarks():
    from briefing.corroborate import combine_quotes

    putin = (
        "“They don’t have a peace agenda at all,” Putin said. “But if Europe suddenly wants to "
        "wage a war with us and starts it, we are ready right away,” Putin said."
    )
    (quote,) = combine_quotes(quotes_of(putin))[:1]
    assert quote.text.startswith("But if Europe suddenly wants to wage a war")


def test_a_speaker_named_after_a_role_or_as_an_organisation_is_found():
    (quote,) = quotes_of("“China has always implemented the resolutions,” said the spokeswoman, "
                         "Hua Chunying.")  # fmt: skip
    assert quote.speaker == "Hua Chunying"
    (quote,) = quotes_of("“Entire villages have been overwhelmed by the floods,” said the "
                         "Norwegian Refugee Council.")  # fmt: skip
    assert quote.speaker == "Norwegian Refugee Council"
    (quote,) = quotes_of("“We will rebuild the dams before winter,” said the ministry in Moscow.")
    assert quote.speaker is None


def test_the_subject_a_colon_hands_to_the_quotation_is_its_speaker():
    (quote,) = quotes_of("Nigeria’s envoy Nkiruka Maduekwe put it even more bluntly: “This is an "
                         "insult to all of us.”")  # fmt: skip
    assert quote.speaker == "Nkiruka Maduekwe"
    (quote,) = quotes_of("The statement read: “We are making progress on all fronts.”")
    assert quote.speaker is None
    (quote,) = quotes_of("A police van was reported by the BBC correspondent as broadcasting the "
                         "message: “Zimbabwe is open for business today.”")  # fmt: skip
    assert quote.speaker is None  # the subject is the van, not the BBC


def test_an_outlet_told_before_a_colon_is_not_the_speaker():
    (quote,) = quotes_of(
        "Kremlin aide Yuri Ushakov, who took part in the talks, told the Zvezda news outlet on "
        "Friday: “We are making progress on the main negotiations.”"
    )
    assert quote.speaker != "Zvezda"


def test_a_speaker_after_said_ends_with_his_sentence_and_a_leading_conjunction_is_dropped():
    (quote,) = quotes_of(
        "“We are ready right away, there can be no doubt,” said Putin. Kremlin spokesman Dmitry "
        "Peskov later added that talks would go on."
    )
    assert quote.speaker == "Putin"
    (quote,) = quotes_of("But Kelleher said: “This is an emergency rescue for the bank.”")
    assert quote.speaker == "Kelleher"


def test_a_speaker_after_an_organisation_and_titles_is_the_person_of_up_to_five_words():
    (quote,) = quotes_of(
        "“This deal makes us the clear leader in our market,” Acme Chief Executive Jane Doe said."
    )
    assert quote.speaker == "Jane Doe"
    (quote,) = quotes_of(
        "“It is a solid solution for the whole country,” said Swiss Finance Minister Karin "
        "Keller-Sutter."
    )
    assert quote.speaker == "Karin Keller-Sutter"


def test_among_voices_quoted_as_widely_the_one_the_articles_name_most_speaks_first():
    from briefing.corroborate import combine_quotes

    analyst = "“Markets had priced in a smaller cut for weeks,” said analyst Jane Roe."
    powell = "“We are not saying mission accomplished at all,” Powell said."
    texts = [analyst, powell, "Powell cut rates by half a point.", "Powell spoke on Wednesday."]
    (first, _) = combine_quotes(quotes_of(analyst, powell), texts)[:2]
    assert first.speaker == "Powell"


def test_a_speaker_after_a_long_title_or_named_before_a_pronoun_is_found():
    quotes = quotes_of(
        "President Enrique Peña Nieto said the army would help. “We are facing a new national "
        "emergency,” he told residents.\n\n“We received word that 27 people are dead,” Secretary "
        "of State for Security Rosa Icela told reporters.\n\n“It is over, all of it,” the Minister "
        "of Foreign Affairs said."
    )
    speakers = {q.text[:12]: q.speaker for q in quotes}
    assert speakers == {
        "We are facin": "Enrique Peña Nieto",
        "We received ": "Rosa Icela",
        "It is over, ": None,
    }


def test_when_asked_is_no_speaker_and_he_is_the_person_named_before():
    (quote,) = quotes_of(
        "Defence Secretary Jim Mattis told reporters troop levels were not on the agenda. When "
        'asked if he would know, he said, "Yeah, I sure would."'
    )
    assert quote.speaker == "Jim Mattis"


def test_he_is_the_person_the_sentence_before_opens_on_whatever_the_verb():
    (quote,) = quotes_of(
        "Opposition leader Helal Uddin Ahmed said the vote was rigged.\n\nDr Kamal Hossain dubbed "
        "the result a robbery and demanded fresh polls. He said, “More than 100 of our candidates "
        "have boycotted the election midway.”"
    )
    assert quote.speaker == "Kamal Hossain"


def test_a_place_ending_the_sentence_before_a_speaker_is_not_the_speaker():
    (quote,) = quotes_of(
        "Fire Chief Keith Drabick said the train ran from Madison, Illinois, to Conway, "
        "Pennsylvania. Drabick said responders had been pulled back.\n\n"
        "“If you have to come to East Palestine, don’t,” he said."
    )
    assert quote.speaker == "Drabick"


def test_a_clause_opening_on_as_names_no_speaker():
    (quote,) = quotes_of(
        "As African and international organisations condemned the takeover, Bazoum stood firm. "
        "“The hard-won gains will be safeguarded,” he said on Twitter."
    )
    assert quote.speaker in (None, "Bazoum")


def test_she_said_after_a_man_was_quoted_is_not_him():
    (first, second) = quotes_of(
        "Cologne Police Chief Wolfgang Albers told a news conference the attackers were drunk. "
        "He says they look “like men from North Africa or the Arab world.” "
        "The victim, identified only as Michelle, said police did not take her claim seriously. "
        "“We ran but we couldn't do anything,” she said of the attack."
    )
    assert first.speaker == "Wolfgang Albers"
    assert second.speaker is None  # unattributed, rather than a man's words in a woman's mouth


def test_her_after_a_mans_name_says_nothing_of_him():
    (quote,) = quotes_of(
        "Judge Lewis Kaplan said Caroline Ellison would serve two years. Her lawyers had asked "
        "for none. “She was a full participant in the fraud,” he said."
    )
    assert quote.speaker == "Lewis Kaplan"


def test_a_name_set_off_by_a_role_before_a_colon_is_the_speaker_and_her_next_words_hers():
    quotes = quotes_of(
        "“This is an emergency rescue,” Kelleher said. "
        "Responding to the news, Christine Lagarde, President of the European Central Bank said: "
        "“I welcome the swift action and the decisions taken by the Swiss authorities.” "
        "She said the move will be “instrumental for restoring orderly market conditions.”"
    )
    assert [q.speaker for q in quotes] == ["Kelleher", "Christine Lagarde", "Christine Lagarde"]


def test_an_opening_word_before_a_speakers_title_is_not_the_speaker():
    (quote,) = quotes_of(
        "Meanwhile, Finance Minister Karin Keller-Sutter said: “The deal will prevent a crisis of "
        "confidence.”"
    )
    assert quote.speaker == "Karin Keller-Sutter"


def test_a_long_key_quote_shows_its_first_sentences_verbatim_and_says_it_goes_on():
    from briefing.corroborate import combine_quotes, first_sentences

    forecast = (
        "“Even a couple of days before it re-enters we probably won’t know better than six or "
        "seven hours, plus or minus, when it’s going to come down. Not knowing when it’s going to "
        "come down translates as not knowing where it’s going to come down. It could land on any "
        "of several continents, and most of it will burn up long before it gets near the "
        "ground,” Jonathan McDowell said."
    )
    (whole,) = combine_quotes(quotes_of(forecast))
    quote = first_sentences(whole)
    assert quote.text == (
        "Even a couple of days before it re-enters we probably won’t know better than six or "
        "seven hours, plus or minus, when it’s going to come down."
    )
    assert quote.goes_on and quote.text in forecast  # verbatim up to the cut
    assert quote.speaker == "Jonathan McDowell"
    assert len(quote.evidence) == 3  # the citations lead to the rest and to who said it
    short = first_sentences(quotes_of("“This is an insult. We reject it,” Maduekwe said.")[0])
    assert not short.goes_on and short.text == "This is an insult. We reject it,"


def test_a_quotation_right_after_someones_goes_on_in_their_voice_unless_another_comes_between():
    quotes = quotes_of(
        "“The task at hand is urgent and challenging,” Ermotti said in a statement.\n\n"
        "“To do this sustainably, we need to carefully evaluate all options.”"
    )
    assert [q.speaker for q in quotes] == ["Ermotti", "Ermotti"]
    quotes = quotes_of(
        "“We are close to a deal now,” Putin said on Friday.\n\nThe Kremlin's critics were "
        "unconvinced. Navalny's aide Leonid Volkov mocked it.\n\n“The rest is up to them and "
        "their allies.”"
    )
    assert [q.speaker for q in quotes] == ["Putin", None]
