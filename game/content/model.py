"""The typed, frozen model of a scenario file (format v1): the single source of its rules and of its JSON Schema.

Field names are the YAML keys, so `scenario.characters[0].objective` reads as the
file does. Structural rules (types, ranges, unknown keys) live here; rules that
relate one part of the file to another (ids exist, ids unique, ...) live in
`crossrefs.py`, which reports every problem with its place.

After validation the defaults of the format page are filled in: `postures` (the
default set in the scenario's language), `players.min/max`, `debrief_minutes`,
`events_per_round`, so consumers never re-derive them.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, TypeVar, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from game.content.characters import text_problem

FORMAT_VERSION = 1
MAX_TEXT = 4000
SLUG_PATTERN = r"^[a-z0-9_-]{1,64}$"
from game.content.constants import DEBRIEF_PHASES, OBSERVER_ID  # noqa: E402,F401 - re-exported
from game.content.lookups import ScenarioLookups  # noqa: E402 - indicator(), character()... by id

# Validation context key set by the loader when the file's bytes hold no
# refused character, no combining mark and no backslash escape that could produce one:
# the per-text scan is then skipped (it is the slowest part of validating a large file).
TEXTS_ALREADY_CHECKED = "texts_already_checked"


def _check_text(value: str, info: ValidationInfo) -> str:
    """The rules per Unicode category of game/content/characters.py (listed in the authors' guides)."""
    if info.context and info.context.get(TEXTS_ALREADY_CHECKED):
        if value.isspace():
            raise PydanticCustomError("invisible_text", "text made only of spaces", {"char": ""})
        return value
    problem = text_problem(value)
    if problem:
        raise PydanticCustomError(problem.code, "character {char} not allowed here", {"char": problem.char})
    return value


def _check_finite(value: float) -> float:
    if not math.isfinite(value):
        raise PydanticCustomError("finite_number", "number is not finite")
    return value


T = TypeVar("T")
# YAML gives lists; the model keeps tuples so that a Scenario is deeply frozen.
Seq = Annotated[tuple[T, ...], Strict(False)]

Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TEXT),
    AfterValidator(_check_text),
]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Delta = Annotated[int, Field(ge=-1000, le=1000)]
Deltas = dict[Slug, Delta]
Bound = Annotated[int, Field(ge=-1_000_000, le=1_000_000)]
Finite = Annotated[float, AfterValidator(_check_finite), Field(ge=-1e9, le=1e9)]
RoundNumber = Annotated[int, Field(ge=1, le=20)]
Phase = Literal["ressenti", "faits", "analyse", "transfert", "et_si", "et_apres"]
# How a posture reads: from its `coop` value, or "à débattre" when it has none (the room's to give).
Reading = Literal["coop", "neutre", "pas_coop", "a_debattre"]
READINGS = ("coop", "neutre", "pas_coop", "a_debattre")
Span = Literal["round", "game"]


class _Model(BaseModel):
    # defer_build: each part's validator is built on first direct use only; a
    # scenario is validated by Scenario's validator alone, so `coop validate`
    # does not pay for fifteen validators it never calls.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


class Territory(_Model):
    name: Text = Field(description="Name of the territory (neighbourhood, town...).")
    description: Text = Field(description="What the territory is like today.")
    facts: Seq[Text] = Field(default=(), description="Short facts shown with the territory.")


class Players(_Model):
    min: int = Field(default=2, ge=2, le=8, description="Fewest characters in play.")
    max: Optional[int] = Field(
        default=None, ge=2, le=8,
        description="Most characters in play (default: number of characters, at most 8).",
    )


class Indicator(_Model):
    id: Slug = Field(description="Identifier used in deltas and conditions.")
    label: Text = Field(description="Name shown on the board.")
    description: Optional[Text] = Field(default=None, description="What the gauge means.")
    min: Bound = Field(default=0, description="Lowest value.")
    max: Bound = Field(default=10, description="Highest value.")
    start: Bound = Field(description="Value at the start of the game (min ≤ start ≤ max).")
    better: Literal["higher", "lower"] = Field(
        default="higher", description="Which way is good: `lower` for a gauge like tensions (default higher)."
    )


class Resource(_Model):
    id: Slug = Field(description="Identifier used in costs and character resources.")
    label: Text = Field(description="Name shown on the character card.")
    max: int = Field(ge=1, le=1000, description="Most a character can hold.")
    per_round: int = Field(default=0, ge=0, le=1000, description="Regained at the start of each round from round 2.")


class Posture(_Model):
    id: Slug = Field(description="Identifier (never translated).")
    label: Text = Field(description="Name shown on the posture scale.")
    description: Optional[Text] = Field(default=None, description="What taking this posture means.")
    coop: Optional[Annotated[int, Field(ge=-2, le=2)]] = Field(
        default=None,
        description="-2 'je' … +2 'nous': below 0 pas COOP, 0 neutre, above 0 COOP; absent: à débattre.",
    )
    effects: Deltas = Field(default_factory=dict, description="Indicator deltas whenever this posture is taken.")
    cost: dict[Slug, Annotated[int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict, description="Resource id → amount paid when a move with this posture is confirmed."
    )


class Character(_Model):
    id: Slug = Field(description="Identifier used in `who` and conditions.")
    name: Text = Field(description="The character's name.")
    role: Text = Field(description="The character's job or place in the territory.")
    objective: Text = Field(description="What the character wants.")
    description: Optional[Text] = Field(default=None, description="A few lines about the character.")
    secret: Optional[Text] = Field(default=None, description="Hidden agenda, shown only on the team's private screen.")
    resources: dict[Slug, Annotated[int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict, description="Start value per resource id (a resource left out starts at its max)."
    )
    image: Optional[Text] = Field(default=None, description="PNG or JPEG path relative to the scenario's folder.")
    tags: Seq[Slug] = Field(default=(), description="Free labels used by conditions and the audit (institution, habitant…).")


class MovesTest(_Model):
    """Moves matching every field given, by the characters selected (tag, character; absent: anyone in play)."""

    tag: Optional[Slug] = Field(default=None, description="Only characters carrying this tag.")
    character: Optional[Slug] = Field(default=None, description="Only this character.")
    posture: Optional[Slug] = Field(default=None, description="Moves with this posture.")
    reading: Optional[Reading] = Field(default=None, description="Moves whose posture reads so (coop, neutre, pas_coop, a_debattre).")
    action: Optional[Slug] = Field(default=None, description="Moves playing this action.")
    in_: Span = Field(default="round", alias="in", description="`round` (default): the round; `game`: every round so far.")
    at_least: Optional[Annotated[int, Field(ge=0, le=1000)]] = Field(default=None, description="At least n such moves (default 1).")
    at_most: Optional[Annotated[int, Field(ge=0, le=1000)]] = Field(default=None, description="At most n such moves.")
    every: bool = Field(default=False, description="Each selected character made such moves (at least/at most counted per character).")

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True, defer_build=True
    )


class SplitTest(_Model):
    """Moves whose verdict split the room (no answer with more than half of the votes, or the two largest
    less than a fifth of the voters apart)."""

    character: Optional[Slug] = Field(default=None, description="Only this character's moves.")
    tag: Optional[Slug] = Field(default=None, description="Only moves of characters carrying this tag.")
    in_: Span = Field(default="round", alias="in", description="`round` (default): the round; `game`: every round so far.")
    at_least: Optional[Annotated[int, Field(ge=0, le=1000)]] = Field(default=None, description="At least n split verdicts (default 1).")
    at_most: Optional[Annotated[int, Field(ge=0, le=1000)]] = Field(default=None, description="At most n split verdicts.")

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True, defer_build=True
    )


class Condition(_Model):
    """All the tests given must hold. An empty condition always holds."""

    round_at_least: Optional[RoundNumber] = Field(default=None, description="The round number is at least N.")
    round_at_most: Optional[RoundNumber] = Field(default=None, description="The round number is at most N.")
    indicator_at_least: Optional[dict[Slug, Bound]] = Field(
        default=None, description="Indicator id → value: every listed indicator is at least its value."
    )
    indicator_at_most: Optional[dict[Slug, Bound]] = Field(
        default=None, description="Indicator id → value: every listed indicator is at most its value."
    )
    posture_count: Optional[dict[Slug, Annotated[int, Field(ge=0, le=8)]]] = Field(
        default=None, description="Posture id → n: at least n characters took that posture in the round."
    )
    coop_average_at_least: Optional[Annotated[float, Field(ge=-2, le=2)]] = Field(
        default=None, description="The mean `coop` of the round's postures is at least x."
    )
    coop_average_at_most: Optional[Annotated[float, Field(ge=-2, le=2)]] = Field(
        default=None, description="The mean `coop` of the round's postures is at most x."
    )
    action_played: Optional[Seq[Slug]] = Field(default=None, description="Every listed action was played in the round.")
    ever_played: Optional[Seq[Slug]] = Field(default=None, description="Every listed action was played at some point.")
    character_posture: Optional[dict[Slug, Slug]] = Field(
        default=None, description="Character id → posture id: each listed character took that posture in the round."
    )
    character_action: Optional[dict[Slug, Slug]] = Field(
        default=None, description="Character id → action id: each listed character played that action in the round."
    )
    moves: Optional[MovesTest] = Field(
        default=None, description="Counts of moves by tag, character, posture, reading or action, in the round or the game."
    )
    split_verdicts: Optional[SplitTest] = Field(
        default=None, description="Split verdicts of the room (only in triggers, round texts and endings)."
    )
    any: Optional[Seq["Condition"]] = Field(default=None, description="At least one of these conditions holds.")
    not_: Optional["Condition"] = Field(default=None, alias="not", description="This condition does not hold.")

    model_config = ConfigDict(
        strict=True, extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True, defer_build=True
    )


class Action(_Model):
    id: Slug = Field(description="Identifier (`observer` is built in and reserved).")
    title: Text = Field(description="Title of the card.")
    description: Optional[Text] = Field(default=None, description="What the action is.")
    who: Optional[Seq[Slug]] = Field(default=None, description="Character ids allowed (absent: everyone).")
    cost: dict[Slug, Annotated[int, Field(ge=0, le=1000)]] = Field(default_factory=dict, description="Resource id → amount paid.")
    effects: Deltas = Field(default_factory=dict, description="Indicator deltas when played.")
    by_posture: dict[Slug, Deltas] = Field(default_factory=dict, description="Posture id → extra deltas when played with it.")
    requires: Optional[Condition] = Field(default=None, description="Condition checked when the choice is made.")
    once: bool = Field(default=False, description="Nobody may choose it after the round in which it was first played.")
    tags: Seq[Slug] = Field(default=(), description="Free labels.")


class Event(_Model):
    id: Slug = Field(description="Identifier of the event (aléa).")
    title: Text = Field(description="Title shown at the situation phase.")
    text: Text = Field(description="What happens.")
    effects: Deltas = Field(default_factory=dict, description="Indicator deltas when drawn.")
    rounds: Optional[Seq[RoundNumber]] = Field(default=None, description="Rounds in which it may be drawn (absent: any).")
    when: Optional[Condition] = Field(default=None, description="Condition on the state at the start of the round.")
    weight: Finite = Field(default=1.0, gt=0, description="Relative chance of being drawn.")


class Synergy(_Model):
    id: Slug = Field(description="Identifier of the synergy.")
    text: Text = Field(description="Shown at reveal when it fires.")
    when: Condition = Field(description="Condition on the round just played.")
    effects: Deltas = Field(default_factory=dict, description="Indicator deltas when it fires.")


NAME_AS_HELP = ("A word W: each {W} in the text is replaced by the names of the characters the condition "
                "matched (texts without name_as are shown as written).")


class Prompt(_Model):
    phase: Phase = Field(description="Debrief phase of this prompt.")
    text: Text = Field(description="The question asked to the room.")
    name_as: Optional[Slug] = Field(default=None, description=NAME_AS_HELP + " Only in a trigger's `ask`.")


class Variant(_Model):
    when: "Condition" = Field(description="Condition on what was actually played.")
    text: Text = Field(description="The text shown instead when the condition holds (the first that holds wins).")
    name_as: Optional[Slug] = Field(default=None, description=NAME_AS_HELP)


class RoundText(_Model):
    text: Text = Field(description="The round's text when no variant holds.")
    variants: Seq[Variant] = Field(default=(), description="Texts chosen by what was played in the previous rounds.")


def text_or_mapping(model: type, text_tag: str, mapping_tag: str) -> Any:
    """A value written as a text or as a mapping of `model`. A mapping is the model; anything else is read
    as a text, so a wrong value gets one clear error ("a text is expected") instead of two. The tags name
    the two shapes in pydantic's error locations."""
    def kind(value: Any) -> str:
        return mapping_tag if isinstance(value, (dict, model)) else text_tag

    return Annotated[
        Union[Annotated[Text, Tag(text_tag)], Annotated[model, Tag(mapping_tag)]],
        Discriminator(kind),
    ]


TEXT_PROMPT_TAG, MAPPING_PROMPT_TAG = "prompt-as-text", "prompt-as-mapping"
TEXT_ROUND_TAG, MAPPING_ROUND_TAG = "round-text-as-text", "round-text-as-mapping"
if TYPE_CHECKING:   # what a type checker sees of the two shapes pydantic reads
    PromptItem = Union[str, Prompt]
    RoundTextItem = Union[str, RoundText]
else:
    PromptItem = text_or_mapping(Prompt, TEXT_PROMPT_TAG, MAPPING_PROMPT_TAG)
    RoundTextItem = text_or_mapping(RoundText, TEXT_ROUND_TAG, MAPPING_ROUND_TAG)


def prompt_of(item: PromptItem) -> Prompt:
    """A prompt written as plain text belongs to the `analyse` phase."""
    if isinstance(item, Prompt):
        return item
    return Prompt(phase="analyse", text=item)


class Trigger(_Model):
    when: Condition = Field(description="Condition on the round just revealed.")
    ask: PromptItem = Field(description="Prompt asked when the condition holds.")


class Debrief(_Model):
    every_round: Seq[PromptItem] = Field(default=(), description="Prompts for every round.")
    rounds: dict[RoundNumber, Seq[PromptItem]] = Field(default_factory=dict, description="Round number → prompts.")
    triggers: Seq[Trigger] = Field(default=(), description="Prompts asked when their condition holds.")
    final: Seq[PromptItem] = Field(default=(), description="Prompts of the end screen.")


class Ending(_Model):
    id: Slug = Field(description="Identifier of the ending.")
    title: Text = Field(description="Title of the end screen.")
    text: Text = Field(description="What became of the territory.")
    when: Optional[Condition] = Field(default=None, description="Absent: the default ending, which must be last.")
    variants: Seq[Variant] = Field(default=(), description="Texts chosen by what was actually played (first that holds).")


DEFAULT_POSTURES: dict[str, tuple[tuple[str, int, str, str], ...]] = {
    # id, coop, French label, English label
    "table": (
        ("imposer", -2, "Imposer", "Impose"),
        ("decider_seul", -1, "Décider seul", "Decide alone"),
        ("informer", 0, "Informer", "Inform"),
        ("consulter", 1, "Consulter", "Consult"),
        ("co_construire", 2, "Co-construire", "Co-build"),
        ("faire_confiance", 2, "Faire confiance", "Trust the residents"),
    )
}


def default_postures(language: str) -> list[dict[str, Any]]:
    index = 3 if language == "en" else 2
    return [
        {"id": row[0], "coop": row[1], "label": row[index]}
        for row in DEFAULT_POSTURES["table"]
    ]


class Scenario(ScenarioLookups, _Model):
    format: Literal[1] = Field(description="Format version: 1.")
    id: Slug = Field(description="Identifier of the scenario.")
    title: Text = Field(description="Title of the scenario.")
    language: Literal["fr", "en"] = Field(description="Language of the texts.")
    summary: Text = Field(description="Shown on the scenario choice and setup screens.")
    territory: Territory = Field(description="The territory: name, description, facts.")
    goal: Text = Field(description="The shared project of the territory.")
    players: Players = Field(default_factory=Players, description="How many characters are in play.")
    rounds: int = Field(ge=1, le=20, description="Default number of rounds.")
    debrief_minutes: Finite = Field(default=5.0, ge=0.5, le=60, description="Default debrief timer.")
    indicators: Seq[Indicator] = Field(min_length=1, max_length=8, description="The shared gauges of the territory.")
    resources: Seq[Resource] = Field(default=(), max_length=4, description="What each character spends.")
    postures: Seq[Posture] = Field(
        default=(), min_length=2, max_length=8, description="Postures from 'je' to 'nous' (absent: the default six)."
    )
    characters: Seq[Character] = Field(min_length=2, max_length=16, description="The facilitator picks which are in play.")
    actions: Seq[Action] = Field(min_length=1, max_length=500, description="The cards.")
    events: Seq[Event] = Field(default=(), max_length=200, description="Events (aléas) drawn at the situation phase.")
    events_per_round: Optional[int] = Field(default=None, ge=0, le=3, description="Default 1 when there are events.")
    round_texts: dict[RoundNumber, RoundTextItem] = Field(
        default_factory=dict, description="Round number → text, or {text, variants}."
    )
    synergies: Seq[Synergy] = Field(default=(), description="Effects that fire at reveal when their condition holds.")
    debrief: Debrief = Field(description="The debriefing prompts.")
    endings: Seq[Ending] = Field(default=(), description="The first ending whose condition holds wins.")

    @model_validator(mode="before")
    @classmethod
    def _fill_defaults(cls, data: Any) -> Any:
        """Fill the defaults that depend on other keys, before validation."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if "postures" not in data:
            language = data.get("language")
            data["postures"] = default_postures(language if language == "en" else "fr")
        return data

    @model_validator(mode="after")
    def _fill_derived(self) -> "Scenario":
        # Frozen model: derived defaults are set once, here, through object.__setattr__.
        if self.players.max is None:
            object.__setattr__(
                self, "players",
                Players(min=self.players.min, max=max(2, min(8, len(self.characters)))),
            )
        if self.events_per_round is None:
            object.__setattr__(self, "events_per_round", 1 if self.events else 0)
        return self


# Condition refers to itself; pydantic resolves it when Scenario is first built.
