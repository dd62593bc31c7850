"""A reader of the Go that terraform-provider-aws declares its schemas in: just enough Go to walk composite
literals (map and struct literals, calls, &T{...}), skipping function bodies. It never runs or builds anything.

The tree it returns: Composite(type, elements) where each element is (key, value) or (None, value); Call(func, args);
Name(text) for identifiers and selectors (schema.TypeList, names.AttrName); Literal(text) for strings and numbers;
FuncLit(source) for a skipped function literal.
"""
import bisect
import re
from dataclasses import dataclass, field

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\])*"|`[^`]*`)
  | (?P<rune>'(?:\\.|[^'\\])+')
  | (?P<number>\d[\w.]*)
  | (?P<name>[A-Za-z_]\w*)
  | (?P<op>:=|\.\.\.|&&|\|\||==|!=|<=|>=|<-|[{}()\[\],:;.&*!=<>+\-/%|^])
""", re.VERBOSE | re.DOTALL)


@dataclass
class Name:
    text: str


@dataclass
class Literal:
    text: str

    def value(self):
        if self.text.startswith('"'):
            return bytes(self.text[1:-1], "utf-8").decode("unicode_escape")
        if self.text.startswith("`"):
            return self.text[1:-1]
        return self.text


@dataclass
class Call:
    func: object
    args: list


@dataclass
class Composite:
    type: str
    elements: list = field(default_factory=list)

    def get(self, key):
        for k, v in self.elements:
            if isinstance(k, Name) and k.text == key:
                return v
        return None


@dataclass
class FuncLit:
    source: str


@dataclass
class Unary:
    op: str
    operand: object


@dataclass
class Binary:
    op: str
    left: object
    right: object


def tokens(source):
    out = []
    for match in TOKEN.finditer(source):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        out.append((kind, match.group(), match.start()))
    return out


class Parser:
    """Parses one expression at a time from a token list, starting at a given index."""

    BINARY = {"||", "&&", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "|", "^"}

    def __init__(self, source, toks=None, start=0):
        self.source = source
        self.toks = toks if toks is not None else tokens(source)
        self.i = bisect.bisect_left([t[2] for t in self.toks], start) if start else 0

    def peek(self, offset=0):
        j = self.i + offset
        return self.toks[j] if j < len(self.toks) else ("eof", "", len(self.source))

    def take(self, text=None):
        tok = self.peek()
        if text is not None and tok[1] != text:
            raise SyntaxError("expected %r, found %r at %d" % (text, tok[1], tok[2]))
        self.i += 1
        return tok

    def skip_balanced(self, open_, close):
        depth = 0
        while True:
            tok = self.take()
            if tok[0] == "eof":
                raise SyntaxError("unbalanced " + open_)
            if tok[1] == open_:
                depth += 1
            elif tok[1] == close:
                depth -= 1
                if depth == 0:
                    return

    def expression(self):
        left = self.unary()
        while self.peek()[1] in self.BINARY and self.peek()[0] == "op":
            op = self.take()[1]
            left = Binary(op, left, self.unary())
        return left

    def unary(self):
        if self.peek()[1] in ("&", "*", "!", "-") and self.peek()[0] == "op":
            op = self.take()[1]
            return Unary(op, self.unary())
        return self.primary()

    def type_text(self):
        """A type in front of a composite literal: map[K]V, []T, [N]T, *T, pkg.T, T[...generic]."""
        start = self.peek()[2]
        self.type_expr()
        return self.source[start:self.peek()[2]].strip()

    def type_expr(self):
        tok = self.peek()
        if tok[1] == "map":
            self.take()
            self.skip_balanced("[", "]")
            self.type_expr()
        elif tok[1] == "[":
            self.skip_balanced("[", "]")
            self.type_expr()
        elif tok[1] == "*":
            self.take()
            self.type_expr()
        elif tok[1] == "func":
            self.take()
            self.skip_balanced("(", ")")
        else:
            self.qualified()
            if self.peek()[1] == "[":
                self.skip_balanced("[", "]")

    def qualified(self):
        text = self.take()[1]
        while self.peek()[1] == "." and self.peek(1)[0] == "name":
            self.take()
            text += "." + self.take()[1]
        return text

    def primary(self):
        tok = self.peek()
        if tok[1] == "func" and self.peek(1)[1] == "(":
            return self.func_literal()
        if tok[1] in ("map", "[") or (tok[1] == "struct"):
            type_text = self.type_text()
            return self.composite(type_text) if self.peek()[1] == "{" else Name(type_text)
        if tok[0] in ("string", "number", "rune"):
            self.take()
            return Literal(tok[1])
        if tok[1] == "(":
            self.take()
            inner = self.expression()
            self.take(")")
            return self.postfix(inner)
        if tok[1] == "{":
            # An element of a composite literal whose type is elided.
            return self.composite("")
        if tok[0] == "name":
            return self.postfix(Name(self.qualified()))
        raise SyntaxError("unexpected %r at %d" % (tok[1], tok[2]))

    def postfix(self, node):
        while True:
            tok = self.peek()
            if tok[1] == "(":
                node = Call(node, self.arguments())
            elif tok[1] == "{" and isinstance(node, Name):
                node = self.composite(node.text)
            elif tok[1] == "[" and isinstance(node, Name):
                # Generic instantiation (enum.Validate[awstypes.X]) or an index.
                self.skip_balanced("[", "]")
            elif tok[1] == "." and self.peek(1)[0] == "name":
                self.take()
                name = self.take()[1]
                node = Name((node.text if isinstance(node, Name) else "?") + "." + name)
            elif tok[1] == "." and self.peek(1)[1] == "(":
                # A type assertion: x.(T)
                self.take()
                self.skip_balanced("(", ")")
            else:
                return node

    def arguments(self):
        self.take("(")
        args = []
        while self.peek()[1] != ")":
            args.append(self.expression())
            if self.peek()[1] == "...":
                self.take()
            if self.peek()[1] == ",":
                self.take()
        self.take(")")
        return args

    def composite(self, type_text):
        self.take("{")
        node = Composite(type_text)
        while self.peek()[1] != "}":
            first = self.expression()
            if self.peek()[1] == ":":
                self.take()
                node.elements.append((first, self.expression()))
            else:
                node.elements.append((None, first))
            if self.peek()[1] == ",":
                self.take()
        self.take("}")
        return node

    def func_literal(self):
        start = self.peek()[2]
        self.take("func")
        self.skip_balanced("(", ")")
        while self.peek()[1] != "{":
            if self.peek()[1] == "(":
                self.skip_balanced("(", ")")
            else:
                self.take()
        self.skip_balanced("{", "}")
        return FuncLit(self.source[start:self.peek()[2]])


def parse_expression_at(source, offset):
    """The Go expression that starts at character {@code offset} of {@code source}."""
    return Parser(source, start=offset).expression()


FUNC = re.compile(r"^func (?:\([^)]*\) )?(\w+)\(", re.MULTILINE)


def functions(source):
    """Every top-level function of a file: name -> (its body's text, offset of the body in source)."""
    out = {}
    toks = tokens(source)
    offsets = [t[2] for t in toks]
    for match in FUNC.finditer(source):
        parser = Parser(source, toks)
        parser.i = bisect.bisect_left(offsets, match.end() - 1)
        parser.skip_balanced("(", ")")
        while parser.peek()[1] != "{":
            if parser.peek()[1] == "(":
                parser.skip_balanced("(", ")")
            else:
                parser.take()
        body_start = parser.peek()[2]
        parser.skip_balanced("{", "}")
        out[match.group(1)] = (source[body_start:parser.peek()[2]], body_start)
    return out


def returned_expression(body):
    """The expression of the first `return` statement of a function body, parsed."""
    match = re.search(r"\breturn\b", body)
    if not match:
        return None
    return parse_expression_at(body, match.end())
