"""Given names by usual gender, to fit "he" and "she" to a named person; general lexical knowledge."""

from __future__ import annotations

__all__ = ["FEMALE_NAMES", "MALE_NAMES", "US_STATES"]

MALE_NAMES = frozenset(
    """aaron abdul adam adrian ahmed al alan albert alex alexander alexei ali andre andrew andy angelo anthony antonio
    arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brendan
    brett brian bruce bryan carl carlos charles charlie chris christian christopher chuck clarence claude clint cory
    craig dale dan daniel danny darrell dave david dean dennis derek dick dmitry don donald doug douglas duncan dwight
    ed eddie edward emmanuel eric ernest eugene evan frank franklin fred frederick gary gene george gerald glenn
    gordon graham greg gregory harold harry hassan henry herbert howard hugh ian ivan jack jacob jake james jason
    jay jean-claude jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose
    joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt lamar larry lawrence lee leon leonard
    lindsey louis luis luke marco marcus mario mark martin matt matthew max michael miguel mike mitch mitt
    mohammed muhammad nathan neil newt nicholas nick nigel noah norman olaf omar oscar owen pablo patrick paul
    pedro pete peter phil philip rahm ralph rand randy raymond reince reza ricardo richard rick rob robert roberto
    rodrigo roger ron ronald ross roy rudy russell ryan sam samuel scott sean sergei seth sherrod stephen steve
    steven stuart ted terry thomas tim timothy todd tom tommy tony travis trey tyler victor vincent vladimir walter
    wayne william willie xi yusuf zach""".split()
)
FEMALE_NAMES = frozenset(
    """abigail alice alicia alison allison amanda amber amy andrea angela angelina ann anna anne annie april ashley
    audrey barbara betsy betty beverly brenda brooke camila carla carly carmen carol caroline carolyn catherine
    cathy charlotte cheryl chelsea christina christine cindy claire claudia connie cynthia dana danielle debbie
    deborah debra denise diana diane donna doris dorothy elaine eleanor elizabeth ellen emily emma erica erin
    evelyn frances gabrielle gloria grace hannah heather heidi helen hillary holly huma irene jacqueline jane janet
    janice jean jeanne jennifer jessica jill joan joanna jodi joni josephine joy joyce judith judy julia julie
    karen kate katherine kathleen kathryn kathy katie kay kelly kellyanne kim kimberly kirsten kristen laura
    lauren linda lisa liz loretta lori louise lucy lynn madeleine margaret maria marie marilyn marine martha
    mary megan melania melissa michele michelle monica nancy natalie nicole nikki nina olivia pam pamela patricia
    patty paula peggy penny rachel rebecca regina rita roberta rosa rose ruth sandra sara sarah sharon sheila
    shirley sonia sophia stacey stephanie sue susan suzanne tammy tara teresa theresa tiffany tina tracy valerie
    victoria virginia wanda wendy""".split()
)

# places that look like a two-word personal name ("New Hampshire"): never a "he" or "she"
US_STATES = frozenset(
    [
        *"""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    washington wisconsin wyoming""".split(),
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "new england",
        "wall street",
        "silicon valley",
        "capitol hill",
        "white house",
        "super tuesday",
    ]
)
