#!/usr/bin/env python3
"""Print the `given-names` rule of rules/names.toml.

Usage: python3 scripts/given_names.py CENSUS_DIR rules/common.toml

CENSUS_DIR holds the 1990 US Census first-name frequency files
`dist.male.first` and `dist.female.first` (public domain; the same files
ship inside the MIT-licensed PyPI package `names` 0.3.0, under `names/`).
Standard library only; Python 3.11 or later (tomllib).

The names kept:
- the MALE_RANKS most frequent male and FEMALE_RANKS most frequent female
  names of the census (together most of the population);
- and the common given names of other languages below (general knowledge,
  written as English news spells them), which a US census of 1990 ranks low
  or lacks;
- less those that are frequent common English words (rules/common.toml
  `common-words`: "Hope", "Will", "June") and those that are first places
  (PLACES: "Georgia", "Austin"), since a capitalised such word opening a
  name is no sign of a person. The nickname groups stay where they are.
"""
import sys
import tomllib
from pathlib import Path

MALE_RANKS = 700
FEMALE_RANKS = 900

OTHER_LANGUAGES = """
Abdel Abdul Abdullah Abu Ahmad Ahmed Akbar Ali Amir Anwar Ashraf Ayman Bashar
Fatima Farid Hamid Hamza Hassan Hosni Hussein Ibrahim Ismail Jamal Karim Khaled
Khalid Mahmoud Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Omar Osama
Rashid Saeed Salman Tariq Walid Yasser Youssef Yusuf Zaid Ziad Layla Leila
Aamir Amit Anil Arjun Arun Deepak Imran Kiran Manmohan Narendra Nawaz Pervez
Pranab Priya Rahul Raj Rajesh Rajiv Ramesh Ravi Sachin Sanjay Shah Sonia
Sunil Suresh Vijay Vikram Benazir Asif Shahid Zulfikar
Hiroshi Junichiro Kenji Naoto Shinzo Takeshi Taro Yoshihiko Yukio Akira Haruki
Jiang Hu Wen Xi Li Ban Moon Lee Park
Alejandro Alfonso Alvaro Andres Carlos Cristina Diego Dilma Emilio Enrique
Esteban Evo Felipe Fernando Fidel Francisco Gabriel Gonzalo Guillermo Hugo
Ignacio Javier Jorge Jose Juan Julio Luis Luiz Manuel Mariano Miguel Pablo
Pedro Rafael Ramon Raul Ricardo Rodrigo Santiago Sergio Joao Inacio
Alain Andre Bernard Christophe Didier Emmanuel Francois Gerard Jacques Jean
Laurent Marine Michel Nicolas Olivier Philippe Pierre Rene Segolene Thierry
Yves Dominique Ségolène François Jérôme
Angela Dieter Gerhard Gunter Hans Heinz Helmut Horst Jurgen Karl Klaus Otto
Rainer Uwe Wolfgang Joachim Sigmar Ursula
Giorgio Giovanni Giuseppe Luca Marco Matteo Paolo Romano Silvio Enrico Mario
Dmitri Dmitry Igor Ivan Mikhail Nikolai Oleg Sergei Sergey Vladimir Viktor
Yuri Yury Alexei Alexey Boris Olga Natalia Svetlana Tatiana Yulia Vitali
Kofi Kwame Goodluck Olusegun Uhuru Mwai Thabo Jomo Muhammadu Yoweri Robert
Ehud Ariel Shimon Yitzhak Moshe Avigdor Tzipi Benjamin Naftali Yair
Barack Recep Tayyip Ahmet Mehmet Abdulla Hamad Nouri Jalal Mahmud Muammar
Saddam Hafez Rafik Saad Nabih Zine Lech Donald Vaclav Viktor Bronislaw
""".split()

# Given names that are first the names of places, or open the names of
# companies and institutions ("Morgan Stanley", "Mercedes Benz", "Harley
# Davidson", "Christian Democrats"): a capitalised one opening a name is more
# often the place's or the firm's.
PLACES = """
Mercedes Harley Morgan Christian Sterling Tiffany Wiley Marshall Kendall
Georgia Virginia Carolina Dakota Montana Florida Austin Dallas Houston Denver
Phoenix Chelsea Paris Florence Charlotte Savannah Sydney Jordan Israel India
China Asia Africa Kenya Lincoln Washington Madison Jackson Jefferson Cleveland
Orlando Tyler Marion Chester Kent Devon Lorraine Adelaide Regina Brooklyn
Aurora Augusta Eugene Lafayette Hamilton Clinton Warren Sherman Troy Salem
Camden Lansing Beverly Alexandria Helena Elmira Olympia Columbia Geneva
Ireland Holland Britain Albany Vienna Milan Verona Sierra Nevada Berkeley
""".split()


def census(path, ranks):
    names = []
    for line in open(path, encoding="ascii"):
        name, _, _, rank = line.split()
        if int(rank) <= ranks:
            names.append(name.capitalize())
    return names


def main(census_dir, common_toml):
    census_dir = Path(census_dir)
    rules = tomllib.loads(Path(common_toml).read_text(encoding="utf-8"))
    common = {w for r in rules["names"] if r["kind"] == "common" for w in r["words"]}
    names = census(census_dir / "dist.male.first", MALE_RANKS)
    names += census(census_dir / "dist.female.first", FEMALE_RANKS)
    names += OTHER_LANGUAGES
    places = set(PLACES)
    kept = sorted({n for n in names if n.lower() not in common and n not in places})
    print("[[names]]")
    print('id = "given-names"')
    print(
        'description = """Common given names: a capitalised name of two or three words that opens with one is a '
        "person's (unless it ends in a place's, a body's or an organisation's head word), and a lone surname in "
        "the same article resolves to it (\"Williams\" to \"Jamal Williams\"). The 1990 US Census's most frequent "
        f"first names ({MALE_RANKS} male, {FEMALE_RANKS} female) and common given names of other languages, less "
        "frequent common English words (\"Hope\", \"Will\") and names that are first places (\"Georgia\", "
        '"Austin"). The nickname groups add theirs. Generated by scripts/given_names.py."""'
    )
    print('kind = "given"')
    print("words = [")
    line = " "
    for n in kept:
        item = f' "{n}",'
        if len(line) + len(item) > 118:
            print(line)
            line = " "
        line += item
    print(line)
    print("]")
    print("examples = [")
    print('  { text = "Jamal Carter and Parks Department staff met.", canonical = "Jamal Carter" },')
    print("]")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
