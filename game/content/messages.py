"""Every message of the content layer, in French and English, and their rendering with a problem's values."""

from __future__ import annotations

from typing import Any

from game.i18n import Catalog

_FR = {
    # The file itself
    "file_missing": "fichier introuvable",
    "folder_without_scenarios": "ce dossier ne contient aucun fichier .yaml ou .yml",
    "file_is_directory": "c'est un dossier, pas un fichier de scénario",
    "file_unreadable": "lecture impossible : {reason}",
    "file_too_large": "fichier trop gros : {size} octets (maximum {limit})",
    "encoding_utf16": "le fichier est encodé en UTF-16, pas en UTF-8",
    "encoding_utf32": "le fichier est encodé en UTF-32, pas en UTF-8",
    "encoding_not_utf8": "le fichier n'est pas en UTF-8 : octet {byte} à la position {offset} "
                         "(« {guess} » en Latin-1/Windows-1252 ?)",
    "binary_file": "fichier binaire (octet nul à la position {offset}) : ce n'est pas un texte YAML",
    "control_character": "caractère de contrôle {char} interdit",
    "more_problems": "{path} : et {count} autre(s) problème(s) non affiché(s)",
    "unacceptable_character": "caractère {char} interdit (séparateur de ligne ou non-caractère : YAML le lirait autrement qu'il ne s'affiche)",
    "bidi_character": "caractère d'inversion du sens du texte {char} interdit (il fait afficher autre chose que ce qui est écrit)",
    "hint_resave_utf8": "réenregistrez le fichier en UTF-8 (dans l'éditeur : « Enregistrer avec l'encodage » → UTF-8)",
    # YAML
    "yaml_syntax": "syntaxe YAML invalide : {problem_text}",
    "several_documents": "plusieurs documents YAML dans le fichier (séparés par `---`) : un scénario n'en a qu'un",
    "undefined_alias": "alias YAML sans ancre correspondante (`*nom` sans `&nom` avant)",
    "unclosed_quote": "guillemet ouvert ici et jamais refermé",
    "empty_file": "le fichier est vide",
    "root_not_mapping": "le fichier doit être une table de clés (`format: 1`, `id: ...`, ...)",
    "tag_forbidden": "étiquette YAML `{tag}` interdite : un scénario n'en a pas besoin",
    "too_many_nodes": "les alias YAML (`*nom`) se déploient en plus de {limit} éléments",
    "too_many_chars": "les alias YAML (`*nom`) se déploient en plus de {limit} caractères",
    "too_deep": "imbrication trop profonde (plus de {limit} niveaux)",
    "number_too_large": "nombre trop grand : {value}",
    "key_not_scalar": "une clé doit être un texte, pas une liste ni une table",
    "key_not_text": "la clé `{name}` doit être un texte",
    "duplicate_key": "clé `{name}` en double (déjà présente à la ligne {first_line})",
    "hint_tabs": "remplacez les tabulations par des espaces",
    "hint_single_quote": "dans un texte entre apostrophes, doublez l'apostrophe ('l''été') ou mettez le texte entre guillemets (\"l'été\")",
    "unclosed_bracket": "« [ » ou « {{ » ouvert ici et jamais refermé",
    "hint_quote_colon": "mettez entre guillemets un texte qui contient « : », par exemple : title: \"Bilan : que retenir ?\"",
    "hint_quote_key": "mettez-la entre guillemets : \"{name}\"",
    # Structure and types
    "missing_key": "clé obligatoire `{field}` manquante",
    "unknown_key": "clé inconnue `{name}`",
    "merge_key": "la fusion YAML `<<` n'est pas prise en charge : recopiez les clés voulues",
    "internal_error": "erreur interne en vérifiant ce fichier ({detail}) : merci de la signaler avec le fichier",
    "hint_did_you_mean": "vouliez-vous dire `{suggestion}` ?",
    "hint_known_names": "au choix : {known}",
    "hint_none_defined": "ce fichier ne définit aucun élément dans `{list}`",
    "expected_text": "`{field}` : un texte est attendu, pas {found_desc}",
    "expected_integer": "`{field}` : un nombre entier est attendu, pas {found_desc}",
    "expected_number": "`{field}` : un nombre est attendu, pas {found_desc}",
    "expected_boolean": "`{field}` : `true` ou `false` est attendu, pas {found_desc}",
    "expected_mapping": "`{field}` : une table (clé: valeur) est attendue, pas {found_desc}",
    "expected_list": "`{field}` : une liste (lignes « - ») est attendue, pas {found_desc}",
    "hint_quote_value": "sans guillemets, YAML ne lit pas `{raw}` comme un texte : écrivez \"{raw}\"",
    "key_expected_integer": "`{field}` : la clé `{name}` doit être un numéro de tour (nombre entier sans guillemets)",
    "key_invalid": "`{field}` : clé `{name}` invalide",
    "bad_key_id": "`{field}` : la clé `{value}` n'est pas un identifiant valide",
    "tab_indentation": "tabulation dans l'indentation : YAML n'accepte que des espaces",
    "hint_remove_quotes": "enlevez les guillemets pour en faire un nombre",
    "kind_empty": "une valeur vide",
    "kind_boolean": "le booléen `{found}`",
    "kind_number": "le nombre `{found}`",
    "kind_text": "le texte `{found}`",
    "kind_mapping": "une table",
    "kind_list": "une liste",
    "kind_other": "cette valeur",
    "too_small": "`{field}` vaut {value} : il doit être au moins {bound}",
    "too_big": "`{field}` vaut {value} : il doit être au plus {bound}",
    "not_above": "`{field}` vaut {value} : il doit être plus grand que {bound}",
    "not_below": "`{field}` vaut {value} : il doit être plus petit que {bound}",
    "bad_choice": "`{field}` : `{value}` n'est pas permis ; valeurs possibles : {expected}",
    "too_few_items": "`{field}` : au moins {limit} élément(s) attendu(s), {count} trouvé(s)",
    "too_many_items": "`{field}` : au plus {limit} éléments, {count} trouvés",
    "empty_text": "`{field}` : le texte est vide",
    "text_too_long": "`{field}` : texte trop long ({length} caractères, maximum {limit})",
    "bad_id": "`{field}` : `{value}` n'est pas un identifiant valide",
    "hint_id_form": "un identifiant s'écrit en minuscules sans accents, chiffres, `_` et `-` (1 à 64 caractères), par exemple `maison_du_projet`",
    "forbidden_character": "`{field}` : caractère interdit {char} (sans forme visible, de contrôle ou d'inversion du sens du texte)",
    "lone_mark": "`{field}` : le signe combinant {char} n'est attaché à aucune lettre (en début de texte ou après une espace)",
    "invisible_text": "`{field}` : le texte ne contient que des espaces",
    "not_finite": "`{field}` : le nombre doit être fini",
    "invalid_value": "`{field}` : valeur invalide ({detail})",
    # References between parts of the file
    "duplicate_id": "identifiant `{id}` en double dans `{list}` (déjà utilisé à la ligne {first_line})",
    "unknown_indicators": "indicateur inconnu : `{id}`",
    "unknown_resources": "ressource inconnue : `{id}`",
    "unknown_postures": "posture inconnue : `{id}`",
    "unknown_characters": "personnage inconnu : `{id}`",
    "unknown_actions": "action inconnue : `{id}`",
    "min_not_below_max": "`min` ({min}) doit être plus petit que `max` ({max})",
    "start_out_of_bounds": "`start` vaut {start} : il doit être entre `min` ({min}) et `max` ({max})",
    "players_min_above_max": "`players` : `min` ({min}) est plus grand que `max` ({max})",
    "players_above_characters": "`players` : {max} joueurs demandés mais seulement {characters} personnages",
    "resource_above_max": "`{id}` commence à {value}, au-delà de son maximum ({max})",
    "observer_reserved": "l'action `{id}` est prédéfinie (« Observer / ne rien faire ») : choisissez un autre identifiant",
    "character_without_action": "le personnage `{id}` ne peut jouer aucune action (voir les `who` des actions)",
    "debrief_needs_round_prompt": "`debrief` : il faut au moins une question dans `every_round` ou `rounds`",
    "debrief_needs_final_prompt": "`debrief` : il faut au moins une question dans `final`",
    "default_ending_not_last": "la fin `{id}` n'a pas de `when` : c'est la fin par défaut, elle doit être la dernière",
    "round_beyond_rounds": "tour {round} au-delà du nombre de tours (`rounds: {rounds}`)",
    "every_posture_costs": "toutes les postures coûtent : il en faut au moins une gratuite, pour qu'une équipe "
                           "à court de ressources puisse encore jouer",
    "unknown_tags": "aucun personnage ne porte l'étiquette `{id}` (voir les `tags` des personnages)",
    "bounds_crossed": "`at_least` ({at_least}) est plus grand que `at_most` ({at_most}) : la condition ne tient jamais",
    "verdict_test_not_here": "`split_verdicts` regarde les votes de la salle : seulement dans les `triggers` du débriefing, "
                             "les variantes de `round_texts` et les fins (ici, aucun vote n'a encore eu lieu)",
    "name_as_not_here": "`name_as` nomme les personnages qu'une condition a trouvés : seulement dans le `ask` d'un "
                        "`trigger` ou dans une variante (`variants`)",
    "name_as_unused": "`name_as: {word}` mais le texte ne contient pas `{{{word}}}`",
    "name_as_without_characters": "`name_as` : la condition ne désigne aucun personnage (il faut `moves`, "
                                  "`character_posture`, `character_action` ou `split_verdicts`)",
    # Images
    "image_absolute": "image `{image}` : le chemin doit être relatif au dossier du scénario",
    "image_outside": "image `{image}` : le chemin sort du dossier du scénario",
    "image_symlink": "image `{image}` : les liens symboliques sont refusés",
    "image_missing": "image `{image}` introuvable",
    "image_is_folder": "image `{image}` : c'est un dossier, pas un fichier",
    "image_not_file": "image `{image}` : ce n'est pas un fichier ordinaire (tube nommé, périphérique…)",
    "image_bad_name": "image `{image}` : le système refuse ce nom de fichier (caractère nul, nom trop long ou codage impossible)",
    "image_too_complex": "image `{image}` : JPEG en {scans} passes (maximum {limit}) : l'afficher prendrait des minutes",
    "image_unreadable": "image `{image}` illisible : {reason}",
    "image_format": "image `{image}` : seuls les formats PNG et JPEG sont acceptés",
    "image_corrupt": "image `{image}` : en-tête PNG/JPEG illisible",
    "image_too_heavy": "image `{image}` trop lourde : {size} octets (maximum {limit})",
    "image_too_big": "image `{image}` trop grande : {width}×{height} pixels (maximum {limit}×{limit})",
    # Commands
    "summary_all_valid": "{files} fichier(s) vérifié(s) : tous valides",
    "summary_some_invalid": "{files} fichier(s) vérifié(s) : {invalid} invalide(s), {problems} problème(s)",
    "summary_usage": "{files} fichier(s) vérifié(s) : {invalid} invalide(s), {problems} problème(s), {missing} introuvable(s)",
    "new_exists": "{path} existe déjà : choisissez un autre nom (rien n'a été écrit)",
    "new_written": "{path} écrit : ouvrez-le dans un éditeur, puis vérifiez-le avec « coop validate {path} »",
    "new_cannot_write": "impossible d'écrire {path} : {reason}",
}

_EN = {
    "file_missing": "file not found",
    "folder_without_scenarios": "this folder holds no .yaml or .yml file",
    "file_is_directory": "this is a folder, not a scenario file",
    "file_unreadable": "cannot read the file: {reason}",
    "file_too_large": "file too large: {size} bytes (at most {limit})",
    "encoding_utf16": "the file is encoded in UTF-16, not UTF-8",
    "encoding_utf32": "the file is encoded in UTF-32, not UTF-8",
    "encoding_not_utf8": "the file is not UTF-8: byte {byte} at offset {offset} (\"{guess}\" in Latin-1/Windows-1252?)",
    "binary_file": "binary file (null byte at offset {offset}): this is not YAML text",
    "control_character": "control character {char} is not allowed",
    "more_problems": "{path}: and {count} more problem(s) not shown",
    "unacceptable_character": "character {char} is not allowed (a line separator or a noncharacter: YAML would read it otherwise than it shows)",
    "bidi_character": "text-direction character {char} is not allowed (it makes the text display differently from how it is written)",
    "hint_resave_utf8": "re-save the file as UTF-8 (in your editor: \"Save with encoding\" → UTF-8)",
    "yaml_syntax": "invalid YAML syntax: {problem_text}",
    "several_documents": "several YAML documents in the file (separated by `---`): a scenario is a single document",
    "undefined_alias": "YAML alias without a matching anchor (`*name` without `&name` before it)",
    "unclosed_quote": "quote opened here and never closed",
    "empty_file": "the file is empty",
    "root_not_mapping": "the file must be a mapping of keys (`format: 1`, `id: ...`, ...)",
    "tag_forbidden": "YAML tag `{tag}` is not allowed: a scenario needs none",
    "too_many_nodes": "YAML aliases (`*name`) expand to more than {limit} items",
    "too_many_chars": "YAML aliases (`*name`) expand to more than {limit} characters",
    "too_deep": "nesting too deep (more than {limit} levels)",
    "number_too_large": "number too large: {value}",
    "key_not_scalar": "a key must be text, not a list or a mapping",
    "key_not_text": "key `{name}` must be text",
    "duplicate_key": "duplicate key `{name}` (already on line {first_line})",
    "hint_tabs": "replace the tabs with spaces",
    "hint_single_quote": "in single-quoted text, double the apostrophe ('it''s') or use double quotes (\"it's\")",
    "unclosed_bracket": "\"[\" or \"{{\" opened here and never closed",
    "hint_quote_colon": "put text containing \": \" in quotes, e.g. title: \"Review: what did we learn?\"",
    "hint_quote_key": "put it in quotes: \"{name}\"",
    "missing_key": "required key `{field}` is missing",
    "unknown_key": "unknown key `{name}`",
    "merge_key": "YAML merge `<<` is not supported: copy the keys you need",
    "internal_error": "internal error while checking this file ({detail}): please report it with the file",
    "hint_did_you_mean": "did you mean `{suggestion}`?",
    "hint_known_names": "one of: {known}",
    "hint_none_defined": "this file defines nothing in `{list}`",
    "expected_text": "`{field}`: text is expected, not {found_desc}",
    "expected_integer": "`{field}`: a whole number is expected, not {found_desc}",
    "expected_number": "`{field}`: a number is expected, not {found_desc}",
    "expected_boolean": "`{field}`: `true` or `false` is expected, not {found_desc}",
    "expected_mapping": "`{field}`: a mapping (key: value) is expected, not {found_desc}",
    "expected_list": "`{field}`: a list (\"- \" lines) is expected, not {found_desc}",
    "hint_quote_value": "without quotes, YAML does not read `{raw}` as text: write \"{raw}\"",
    "key_expected_integer": "`{field}`: key `{name}` must be a round number (a whole number without quotes)",
    "key_invalid": "`{field}`: invalid key `{name}`",
    "bad_key_id": "`{field}`: key `{value}` is not a valid identifier",
    "tab_indentation": "tab in the indentation: YAML accepts only spaces",
    "hint_remove_quotes": "remove the quotes to make it a number",
    "kind_empty": "an empty value",
    "kind_boolean": "the boolean `{found}`",
    "kind_number": "the number `{found}`",
    "kind_text": "the text `{found}`",
    "kind_mapping": "a mapping",
    "kind_list": "a list",
    "kind_other": "this value",
    "too_small": "`{field}` is {value}: it must be at least {bound}",
    "too_big": "`{field}` is {value}: it must be at most {bound}",
    "not_above": "`{field}` is {value}: it must be greater than {bound}",
    "not_below": "`{field}` is {value}: it must be less than {bound}",
    "bad_choice": "`{field}`: `{value}` is not allowed; allowed values: {expected}",
    "too_few_items": "`{field}`: at least {limit} item(s) expected, {count} found",
    "too_many_items": "`{field}`: at most {limit} items, {count} found",
    "empty_text": "`{field}`: the text is empty",
    "text_too_long": "`{field}`: text too long ({length} characters, at most {limit})",
    "bad_id": "`{field}`: `{value}` is not a valid identifier",
    "hint_id_form": "an identifier uses lowercase letters without accents, digits, `_` and `-` (1 to 64 characters), e.g. `project_house`",
    "forbidden_character": "`{field}`: forbidden character {char} (no visible form, a control or a text-direction character)",
    "lone_mark": "`{field}`: the combining mark {char} is attached to no letter (at the start of the text or after a space)",
    "invisible_text": "`{field}`: the text holds only spaces",
    "not_finite": "`{field}`: the number must be finite",
    "invalid_value": "`{field}`: invalid value ({detail})",
    "duplicate_id": "duplicate identifier `{id}` in `{list}` (already used on line {first_line})",
    "unknown_indicators": "unknown indicator: `{id}`",
    "unknown_resources": "unknown resource: `{id}`",
    "unknown_postures": "unknown posture: `{id}`",
    "unknown_characters": "unknown character: `{id}`",
    "unknown_actions": "unknown action: `{id}`",
    "min_not_below_max": "`min` ({min}) must be less than `max` ({max})",
    "start_out_of_bounds": "`start` is {start}: it must be between `min` ({min}) and `max` ({max})",
    "players_min_above_max": "`players`: `min` ({min}) is greater than `max` ({max})",
    "players_above_characters": "`players`: {max} players asked for but only {characters} characters",
    "resource_above_max": "`{id}` starts at {value}, above its maximum ({max})",
    "observer_reserved": "action `{id}` is built in (\"Observe / do nothing\"): choose another identifier",
    "character_without_action": "character `{id}` cannot play any action (see the actions' `who`)",
    "debrief_needs_round_prompt": "`debrief`: at least one prompt is needed in `every_round` or `rounds`",
    "debrief_needs_final_prompt": "`debrief`: at least one prompt is needed in `final`",
    "default_ending_not_last": "ending `{id}` has no `when`: it is the default ending and must be the last one",
    "round_beyond_rounds": "round {round} is beyond the number of rounds (`rounds: {rounds}`)",
    "every_posture_costs": "every posture has a cost: at least one must be free, so that a team short of "
                           "resources can still play",
    "unknown_tags": "no character carries the tag `{id}` (see the characters' `tags`)",
    "bounds_crossed": "`at_least` ({at_least}) is greater than `at_most` ({at_most}): the condition never holds",
    "verdict_test_not_here": "`split_verdicts` looks at the room's votes: only in the debrief's `triggers`, "
                             "`round_texts` variants and endings (here no vote has taken place yet)",
    "name_as_not_here": "`name_as` names the characters a condition found: only in a `trigger`'s `ask` or in "
                        "a variant (`variants`)",
    "name_as_unused": "`name_as: {word}` but the text does not contain `{{{word}}}`",
    "name_as_without_characters": "`name_as`: the condition names no character (it needs `moves`, "
                                  "`character_posture`, `character_action` or `split_verdicts`)",
    "image_absolute": "image `{image}`: the path must be relative to the scenario's folder",
    "image_outside": "image `{image}`: the path leaves the scenario's folder",
    "image_symlink": "image `{image}`: symbolic links are not allowed",
    "image_missing": "image `{image}` not found",
    "image_is_folder": "image `{image}`: this is a folder, not a file",
    "image_not_file": "image `{image}`: not a regular file (a named pipe, a device...)",
    "image_bad_name": "image `{image}`: the system refuses this file name (a NUL, too long, or not encodable)",
    "image_too_complex": "image `{image}`: a JPEG in {scans} scans (at most {limit}): drawing it would take minutes",
    "image_unreadable": "image `{image}` cannot be read: {reason}",
    "image_format": "image `{image}`: only PNG and JPEG are accepted",
    "image_corrupt": "image `{image}`: unreadable PNG/JPEG header",
    "image_too_heavy": "image `{image}`: file too large: {size} bytes (at most {limit})",
    "image_too_big": "image `{image}` too big: {width}×{height} pixels (at most {limit}×{limit})",
    "summary_all_valid": "{files} file(s) checked: all valid",
    "summary_some_invalid": "{files} file(s) checked: {invalid} invalid, {problems} problem(s)",
    "summary_usage": "{files} file(s) checked: {invalid} invalid, {problems} problem(s), {missing} not found",
    "new_exists": "{path} already exists: choose another name (nothing was written)",
    "new_written": "{path} written: open it in an editor, then check it with \"coop validate {path}\"",
    "new_cannot_write": "cannot write {path}: {reason}",
}

# libyaml's own wording of the usual syntax problems, in French.
_YAML_PROBLEMS_FR = {
    "mapping values are not allowed": "« : » inattendu ici",
    "found character '\\t' that cannot start any token": "tabulation : YAML n'accepte que des espaces pour indenter",
    "could not find expected ':'": "« : » attendu",
    "found unexpected end of stream": "fin de fichier inattendue",
    "did not find expected key": "clé attendue ici (indentation incohérente ?)",
    "did not find expected '-' indicator": "« - » attendu ici (indentation incohérente ?)",
    "found unknown escape character": "séquence d'échappement inconnue après « \\ »",
    "found invalid Unicode character escape code": "séquence d'échappement Unicode invalide",
    "did not find expected node content": "valeur attendue ici",
    "found a tab character that violates indentation": "tabulation dans l'indentation",
    "found a tab character where an indentation space is expected": "tabulation à la place d'un espace d'indentation",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu",
    "did not find expected ',' or '}'": "« , » ou « } » attendu",
    "found character that cannot start any token": "caractère qui ne peut pas commencer une valeur YAML (mettez le texte entre guillemets)",
    "did not find expected <document start>": "début de document attendu",
    "block sequence entries are not allowed in this context": "« - » inattendu ici (indentation ?)",
}

_CATALOG = Catalog({"fr": _FR, "en": _EN})


def _problem_text(lang: str, problem: str, context: str) -> str:
    if lang == "fr":
        for english, french in _YAML_PROBLEMS_FR.items():
            if problem.startswith(english):
                return french
        if problem.startswith("expected <block end>"):
            return "indentation incohérente"
    text = problem
    if context:
        text = f"{problem} ({context})"
    return text


def MESSAGES(lang: str, code: str, **params: Any) -> str:  # noqa: N802 - reads as a table lookup
    """The message `code` in `lang` (French unless "en"), filled with the problem's values."""
    lang = "en" if lang == "en" else "fr"
    if "found_kind" in params:
        params["found_desc"] = _CATALOG(lang, params["found_kind"], found=params.get("found", ""))
    if code == "yaml_syntax":
        params["problem_text"] = _problem_text(lang, params.get("problem", ""), params.get("context", ""))
    try:
        return _CATALOG(lang, code, **params)
    except (KeyError, IndexError, ValueError):
        # A message must never fail to render: show its code and values instead.
        return f"{code} {params}"

