"""Setup screen: characters in play and their teams, rounds, options; then the session is created."""

from __future__ import annotations

from game.ui import intents as kinds
from game.ui.scenes.base import Scene
from game.i18n import team_display
from game.ui.widgets import Item, Menu, TextEntry


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app, path, scenario, players: int | None = None, rounds: int | None = None):
        super().__init__(app)
        self.path = path
        self.scenario = scenario
        app.scenario_language = scenario.language
        count = players or scenario.players.max
        count = max(scenario.players.min, min(count, scenario.players.max, len(scenario.characters)))
        self.in_play = {c.id: i < count for i, c in enumerate(scenario.characters)}
        self.teams = {c.id: "" for c in scenario.characters}
        self.rounds = max(1, min(rounds or scenario.rounds, scenario.rounds))   # shortened, never lengthened
        self.secret = True
        self.verdicts = True
        self.minutes = float(scenario.debrief_minutes)
        self.full_rounds = self.rounds
        settings = getattr(app, "settings", None)
        # The choices timer and the format are remembered from the last sessions, like the other settings.
        self.choices_minutes = float(getattr(settings, "choices_minutes", 0.0) or 0.0)
        self.preset = "full"
        self._pace = None                 # (rounds, minutes a round, "guide" | "measured"), for the "2 h" preset
        if getattr(settings, "preset", "full") == "2h":
            self.apply_preset("2h")
        self.language = app.language
        # Phones: off by default; `--phones` turns the option on. The address is one of the laptop's own
        # (ifaddr), LAN first; listed on first use.
        self.phones = getattr(app, "phone_options", None) is not None
        self.addresses = None
        self.address = 0
        self.editing: str | None = None
        self.entry: TextEntry | None = None
        self.menu = Menu(self._items())

    @property
    def wants_text(self):
        return self.entry is not None

    def chosen(self) -> list[str]:
        return [c.id for c in self.scenario.characters if self.in_play[c.id]]

    def team_name(self, ident: str) -> str:
        if self.teams[ident].strip():
            return self.teams[ident].strip()
        order = self.chosen()
        number = order.index(ident) + 1 if ident in order else 0
        return self.tr("default_team", n=number) if number else "—"

    def _items(self) -> list[Item]:
        items = []
        for character in self.scenario.characters:
            playing = self.in_play[character.id]
            state = self.tr("setup_in_play") if playing else self.tr("setup_out")
            mark = "+" if playing else "\u2212"
            detail = f"{character.role} · " + (team_display(self.team_name(character.id), self.app.language)
                                                if playing else state)
            items.append(Item(f"{mark} {character.name} ({state})", ("character", character.id),
                              detail=detail, on="coop" if playing else "panel"))
        yes, no = self.tr("yes"), self.tr("no")
        minutes = f"{self.minutes:g}"
        language = self.tr("language_" + self.language)
        items += [
            Item(self.preset_text(), ("preset", None)),
            Item(self.tr("setup_rounds", value=self.rounds), ("rounds", None)),
            Item(self.tr("setup_choices_timer", value=f"{self.choices_minutes:g}") if self.choices_minutes
                 else self.tr("setup_choices_timer_off"), ("choices_minutes", None)),
            Item(self.tr("setup_secret", value=yes if self.secret else no), ("secret", None)),
            Item(self.tr("setup_verdict", value=yes if self.verdicts else no), ("verdicts", None)),
            Item(self.tr("setup_timer", value=minutes), ("minutes", None)),
            Item(self.tr("setup_readings", value=self.tr("readings_" + self.readings_setting())), ("readings", None)),
            Item(self.tr("setup_language", value=language), ("language", None)),
            Item(self.tr("setup_presenter", value=yes if self.presenter_on() else no), ("presenter", None)),
            Item(self.tr("setup_phones", value=yes if self.phones else no), ("phones", None)),
        ]
        if self.phones:
            address = self.phone_addresses()[self.address]
            items.append(Item(self.tr("setup_phones_address", value=f"{address.interface} {address.ip}"),
                              ("address", None)))
        items += [
            Item(self.tr("setup_start"), ("start", None), on="coop"),
        ]
        return items

    # -- the "2 h" preset and the choices timer -------------------------------------------
    def short_pace(self):
        """(rounds, minutes a round, source) of a 2-hour session with this scenario (game.pace): the guide's
        pace, or the one measured on this machine's sessions of the scenario when it is slower."""
        if self._pace is None:
            from game.pace import measured_for, short_session

            # At most the rounds of a full game as asked (`--rounds` shortens it: the preset never lengthens it).
            self._pace = short_session(self.full_rounds, self.minutes, measured_for(self.scenario.id))
        return self._pace

    def preset_text(self) -> str:
        """The format, as the rounds row now says: rounds changed by hand make it the facilitator's own."""
        if self.preset == "full":
            if self.rounds != self.full_rounds:
                return self.tr("setup_preset_own", rounds=self.rounds)
            return self.tr("setup_preset_full", rounds=self.full_rounds)
        rounds, pace, source = self.short_pace()
        if self.rounds != rounds:
            return self.tr("setup_preset_own", rounds=self.rounds)
        return self.tr("setup_preset_2h", rounds=rounds, minutes=round(pace), source=self.tr("pace_" + source))

    def apply_preset(self, preset: str) -> None:
        """"2h": the rounds that fit two hours and the choices timer on (the guide's 5 minutes when it was
        off); "full": the scenario's rounds again (the choices timer stays as it is: it has its own row)."""
        from game.pace import CHOICES_MINUTES

        self.preset = preset
        if preset == "2h":
            self.rounds = self.short_pace()[0]
            self.choices_minutes = self.choices_minutes or float(CHOICES_MINUTES)
        else:
            self.rounds = self.full_rounds

    def remember(self) -> None:
        """The format and the choices timer, kept for the next sessions."""
        settings = getattr(self.app, "settings", None)
        if settings is not None and hasattr(settings, "preset"):
            self.app.change_settings(settings._replace(preset=self.preset, choices_minutes=self.choices_minutes))

    def readings_setting(self) -> str:
        """When the scenario's COOP reading of a posture shows (remembered from the last sessions)."""
        return getattr(getattr(self.app, "settings", None), "readings", "after")

    def presenter_on(self) -> bool:
        """The presenter mode's setting (remembered from the last sessions)."""
        settings = getattr(self.app, "settings", None)
        return bool(getattr(settings, "presenter", False))

    def refresh(self) -> None:
        focus = self.menu.focus
        self.menu.items = self._items()
        self.menu.focus = focus
        self.app.invalidate()

    def header(self):
        return [self.scenario.title, self.tr("setup_title")]

    def footer(self):
        if self.entry is not None:
            return [self.tr("setup_team_hint")]
        return [self.tr("setup_hint"), self.tr("key_back"), self.tr("key_help")]

    def draw_body(self, canvas, flow):
        self.menu.items = self._items()
        flow.text(self.scenario.title, "title", style="bold", role="accent")
        flow.text(self.scenario.summary, "small", role="secondary")
        flow.gap()
        chosen = len(self.chosen())
        players = self.scenario.players
        flow.text(self.tr("setup_characters", count=chosen, min=players.min, max=players.max), "small")
        if self.entry is not None:
            name = self.scenario.character(self.editing).name
            flow.text(f"{name} · {self.tr('setup_team', team=self.entry.shown())}", "body", style="bold")
        self.menu.draw(flow, "setup", columns=2 if canvas.metrics.wide else 1)

    # -- changing values ---------------------------------------------------------
    def change(self, key: str, value, step: int) -> None:
        if key == "character":
            self.in_play[value] = not self.in_play[value]
        elif key == "rounds":
            self.rounds = max(1, min(self.scenario.rounds, self.rounds + step))
        elif key == "preset":
            self.apply_preset("2h" if self.preset == "full" else "full")
            self.remember()
        elif key == "choices_minutes":
            from game.ui.settings import MAX_CHOICES_MINUTES

            self.choices_minutes = float(max(0, min(MAX_CHOICES_MINUTES, round(self.choices_minutes) + step)))
            self.remember()
        elif key == "secret":
            self.secret = not self.secret
        elif key == "verdicts":
            self.verdicts = not self.verdicts
        elif key == "minutes":
            self.minutes = max(0.5, min(60.0, float(round(self.minutes) + step)))
            self._pace = None             # the guide's pace counts the debrief's minutes
            if self.preset == "2h":
                self.rounds = self.short_pace()[0]
        elif key == "phones":
            self.phones = not self.phones
        elif key == "address":
            self.address = (self.address + step) % len(self.phone_addresses())
        elif key == "language":
            self.language = "en" if self.language == "fr" else "fr"
            self.app.lang_override = self.language
        elif key == "readings":
            from game.ui.words import READINGS_SHOWN

            index = (READINGS_SHOWN.index(self.readings_setting()) + (step or 1)) % len(READINGS_SHOWN)
            self.app.change_settings(self.app.settings._replace(readings=READINGS_SHOWN[index]))
        elif key == "presenter":
            # Remembered for the next sessions; the wall opens (or closes) at once.
            from game.ui import presenter

            wanted = not self.app.settings.presenter
            self.app.change_settings(self.app.settings._replace(presenter=wanted))
            if wanted:
                presenter.open_wall(self.app)
            else:
                presenter.close_wall(self.app)
        self.refresh()

    def activate(self, item: Item) -> None:
        key, value = item.value
        if key == "character":
            if not self.in_play[value]:
                self.in_play[value] = True
                self.refresh()
            self.editing = value
            self.entry = TextEntry(self.teams[value], max_length=40)
            self.app.show(self)
        elif key == "start":
            self.start()
        else:
            # Enter never changes a setting by surprise: it says which keys do.
            self.app.notice = self.tr("setup_enter_row")

    def handle(self, event):
        if self.entry is not None:
            done = kinds.entry_intent(event)
            if done is not None:
                if done == kinds.CONFIRM:
                    self.teams[self.editing] = self.entry.value.strip()
                self.entry = None
                self.editing = None
                self.app.show(self)
                self.refresh()
            else:
                self.entry.handle(event)
            return
        super().handle(event)

    def act(self, intent):
        item = self.menu.focused
        if intent.kind == kinds.BACK:
            from game.ui.scenes.title import TitleScene

            self.app.show(TitleScene(self.app, highlight=self.path))
            return True
        if intent.kind == kinds.CONFIRM and intent.ctrl:
            self.start()        # the shortcut: start with what the screen shows, from any row
            return True
        if intent.kind in (kinds.PREVIOUS, kinds.NEXT, kinds.SPACE) and item is not None:
            key, value = item.value
            if key == "start":
                return False
            self.change(key, value, -1 if intent.kind == kinds.PREVIOUS else 1)
            return True
        outcome = self.menu.act(intent)
        if outcome == "activate":
            self.activate(item)
        return outcome is not None

    def click(self, target):
        if isinstance(target, tuple) and target[0] == "setup":
            chosen = self.menu.click(target[1])
            if chosen is not None:
                key, value = chosen.value
                if key == "start":
                    self.activate(chosen)
                else:
                    self.change(key, value, 1)     # a click on a row is a deliberate change

    def phone_addresses(self):
        if self.addresses is None:
            from game.phones.links import addresses

            self.addresses = addresses()
            bind = getattr(getattr(self.app, "phone_options", None), "bind", None)
            if bind and bind not in {a.ip for a in self.addresses}:
                from game.phones.links import Address

                self.addresses.insert(0, Address("--bind", bind))   # e.g. 0.0.0.0: every interface
            self.address = next((i for i, a in enumerate(self.addresses) if a.ip == bind), 0)
        return self.addresses

    def phone_options(self):
        """What the game starts with: no phones, or phones on the chosen address (the port of `--port`)."""
        if not self.phones:
            return None
        from game.ui.phones_link import PhoneOptions

        given = getattr(self.app, "phone_options", None) or PhoneOptions()
        return PhoneOptions(self.phone_addresses()[self.address].ip, given.port, given.info)

    # -- starting ------------------------------------------------------------------
    def start(self) -> None:
        from game.engine import Setup
        from game.ui.play import Play, session_layer

        chosen = self.chosen()
        players = self.scenario.players
        if len(chosen) < players.min:
            self.app.notice = self.tr("setup_need_more", min=players.min)
            return
        if len(chosen) > players.max:
            self.app.notice = self.tr("setup_too_many", max=players.max)
            return
        setup = Setup(
            characters=tuple(chosen),
            teams={c: self.team_name(c) for c in chosen},
            rounds=self.rounds,
            secret_choices=self.secret,
            verdicts=self.verdicts,
            debrief_minutes=self.minutes,
            language=self.language,
            choices_minutes=self.choices_minutes,
        )
        sessions = session_layer()
        try:
            session = sessions.Session.create(self.path, setup, self.app.seed)
        except Exception as error:  # a full disk or an unwritable folder: say it calmly, stay here
            from game.engine import IllegalCommand

            if isinstance(error, IllegalCommand):   # a setup the rules refuse: their words, not the developers'
                self.app.notice = error.describe(self.app.language)
                return
            from game.content import ScenarioError

            if isinstance(error, ScenarioError):    # the file changed since it was opened: its diagnostics
                from game.ui.scenes.error import ErrorScene

                self.app.show(ErrorScene(self.app, str(self.path), error.diagnostics))
                return
            message = error.message(self.app.language) if isinstance(error, sessions.SessionError) else str(error)
            self.app.notice = self.tr("session_error", error=message)
            return
        if not getattr(self.app, "seed_fixed", True):
            # Without --seed, the next game of this run draws its events afresh.
            import random

            self.app.seed = random.SystemRandom().randrange(2**31)
        self.app.phone_options = self.phone_options()
        Play(self.app, session).show_phase()

    def bot_step(self, bot) -> None:
        self.start()
