"""The shared text layer under the stages: what a word, a number or a date looks like in print.

- `folds`: one function per fold (width, brackets, spaces, names; code points in `codepoints`)
- `codepoints`: radical and compatibility ideographs folded to the unified ones, private use
- `layout`: spaces that layout put inside Chinese text, display width
- `brackets`: the one bracket-depth scanner
- `numbering`: heading, item, 专栏 and 文号 numbers
- `dates`: years and dates

Stages and readers import from here; nothing here imports a stage or a reader. Import the
submodules themselves (`from ..lexicon.numbering import starts_like_heading`): this package
imports nothing on its own, so quantity.py can use a fold without an import cycle.
"""
