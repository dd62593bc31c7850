#!/usr/bin/env python3
"""Writes src/main/resources/replacement/rules.tsv: for every resource type the program plans, every input and
whether changing it replaces the resource, read from terraform-provider-aws's own schemas.

The Pulumi AWS provider bridges terraform-provider-aws: an input the Terraform schema marks `ForceNew: true`
(SDKv2 resources) or gives a `RequiresReplace()` plan modifier (plugin-framework resources) is one whose change
replaces the resource, and a resource's `CustomizeDiff` functions can force a replacement under conditions of their
own (ECS capacity-provider strategies, ElastiCache engine downgrades ...): those rows name the function, and
`offline/transition/ConditionalRules` in the program implements each one.

Usage (no network, no Go toolchain: it reads Go source as text):

    git clone --branch <tag> https://github.com/hashicorp/terraform-provider-aws /tmp/tfaws
    python3 tools/replacement-rules/generate.py --source /tmp/tfaws [--rev <rev>] [--version <tag>]

`--source` may be a work tree or a bare git directory (files are read with `git show <rev>:<path>`). The output
records the source's revision, the version its CHANGELOG names, and the Go file of each type. Types come from
tools/replacement-rules/types.tsv; ReplacementRulesTest fails when a planned type has no rows, and holds every
Pulumi input name to the Java SDK's own Args classes.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gosource  # noqa: E402
from gosource import Call, Composite, FuncLit, Literal, Name, Unary  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPES = os.path.join(ROOT, "tools/replacement-rules/types.tsv")
OVERRIDES = os.path.join(ROOT, "tools/replacement-rules/pulumi-names.tsv")
MANUAL = os.path.join(ROOT, "tools/replacement-rules/manual.tsv")
OUTPUT = os.path.join(ROOT, "src/main/resources/replacement/rules.tsv")
LIST_TYPES = ("schema.TypeList", "schema.TypeSet")


class Source:
    """terraform-provider-aws at one revision, read through git."""

    def __init__(self, path, rev):
        self.path = path
        self.rev = rev
        self.cache = {}
        self.batch = None
        self.revision = self.git("rev-parse", rev).strip()

    def git(self, *args):
        return subprocess.run(["git", "-C", self.path, *args], check=True, capture_output=True,
                              text=True, errors="replace").stdout

    def read(self, path):
        if path not in self.cache:
            if self.batch is None:
                self.batch = subprocess.Popen(["git", "-C", self.path, "cat-file", "--batch"],
                                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self.batch.stdin.write((self.revision + ":" + path + "\n").encode())
            self.batch.stdin.flush()
            header = self.batch.stdout.readline().decode().split()
            if len(header) < 3:
                raise SystemExit("no file " + path + " at " + self.revision)
            data = self.batch.stdout.read(int(header[2]))
            self.batch.stdout.read(1)
            self.cache[path] = data.decode("utf-8", errors="replace")
        return self.cache[path]

    def grep(self, pattern, *paths):
        try:
            out = self.git("grep", "-n", "-F", pattern, self.rev, "--", *paths)
        except subprocess.CalledProcessError:
            return []
        hits = []
        for line in out.splitlines():
            _, path, number, _ = line.split(":", 3)
            hits.append((path, int(number)))
        return hits

    def registrations(self):
        """Terraform resource name -> (kind, file, line) of its @SDKResource / @FrameworkResource annotation."""
        if not hasattr(self, "_registrations"):
            out = self.git("grep", "-n", "-E", r'@(SDK|Framework)Resource\("aws_', self.revision, "--",
                           "internal/service")
            self._registrations = {}
            for line in out.splitlines():
                _, path, number, text = line.split(":", 3)
                match = re.search(r'@(SDK|Framework)Resource\("(\w+)"', text)
                if match:  # one annotation upstream lacks its closing quote; no type of ours is near it
                    self._registrations.setdefault(match.group(2), (match.group(1), path, int(number)))
        return self._registrations

    def package_files(self, path):
        directory = os.path.dirname(path)
        names = self.git("ls-tree", "--name-only", self.rev, directory + "/").split()
        return [n for n in names if n.endswith(".go") and not n.endswith("_test.go")]

    def changelog_version(self):
        first = self.read("CHANGELOG.md").splitlines()[0]
        return first.lstrip("# ").strip()


class Constants:
    """names.AttrX and package-level string constants, resolved to their text."""

    def __init__(self, source):
        self.names = {}
        text = source.read("names/attr_consts_gen.go")
        for name, value in re.findall(r'^\s*(Attr\w+)\s*=\s*"([^"]*)"', text, re.MULTILINE):
            self.names["names." + name] = value
        self.local = {}

    def load_package(self, source, files):
        for path in files:
            for name, value in re.findall(r'^\s*(\w+)\s*=\s*"([^"]*)"', source.read(path), re.MULTILINE):
                self.local.setdefault(name, value)

    def text(self, node):
        if isinstance(node, Literal):
            return node.value()
        if isinstance(node, Name):
            if node.text in self.names:
                return self.names[node.text]
            if node.text in self.local:
                return self.local[node.text]
        return None


class Package:
    """The functions and variables of one Go package, found on demand, to follow a schema into its helpers."""

    def __init__(self, source, path):
        self.source = source
        self.files = source.package_files(path)
        self.parsed = {}

    def body(self, name):
        """(file, body text) of the package function {@code name}, or None."""
        if "." in name:
            return None
        pattern = re.compile(r"^func (?:\([^)]*\) )?" + re.escape(name) + r"\(", re.MULTILINE)
        for file in self.files:
            text = self.source.read(file)
            if pattern.search(text):
                if file not in self.parsed:
                    self.parsed[file] = gosource.functions(text)
                found = self.parsed[file].get(name)
                if found:
                    return file, found[0]
        return None

    def variable(self, name):
        """The value of a package-level {@code var name = ...}, parsed, or None."""
        pattern = re.compile(r"^\s*(?:var\s+)?" + re.escape(name) + r"\s*=\s*", re.MULTILINE)
        for file in self.files:
            text = self.source.read(file)
            match = pattern.search(text)
            if match:
                return gosource.parse_expression_at(text, match.end())
        return None


def unwrap(node):
    while isinstance(node, Unary) and node.op in ("&", "*"):
        node = node.operand
    return node


def is_true(node):
    return isinstance(node, Name) and node.text == "true"


def returned(package, call):
    """What a helper function named by {@code call} returns, when it is in the same package."""
    name = call.func.text if isinstance(call.func, Name) else None
    if not name or "." in name:
        return None
    found = package.body(name)
    if not found:
        return None
    try:
        return unwrap(gosource.returned_expression(found[1]))
    except SyntaxError:
        return None


def sdk_schema_map(node, package):
    """The map literal of an SDKv2 schema, following helper calls and SchemaFunc literals."""
    node = unwrap(node)
    if isinstance(node, Composite):
        return node
    if isinstance(node, Call):
        return sdk_schema_map(returned(package, node), package)
    if isinstance(node, FuncLit):
        return sdk_schema_map(gosource.returned_expression(node.source[node.source.index("{"):]), package)
    if isinstance(node, Name) and "." not in node.text:
        return sdk_schema_map(package.variable(node.text), package)
    return None


class Row:
    def __init__(self, tf_path, pulumi_path, replaces, kind):
        self.tf_path = tf_path
        self.pulumi_path = pulumi_path
        self.replaces = replaces
        self.kind = kind


def plural(word):
    if re.search(r"(alias|status)$", word):
        return word + "es"
    if word.endswith("s") and not word.endswith("ss"):
        return word
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(x|ch|ss|sh)$", word):
        return word + "es"
    return word + "s"


def camel(snake):
    parts = snake.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def pulumi_name(tf_name, is_list, overrides, tf_path):
    """The Pulumi name of one path segment, and whether Pulumi holds it as a list."""
    if tf_path in overrides:
        override = overrides[tf_path]
        return override.rstrip("[]"), override.endswith("[]") or is_list
    name = plural(tf_name) if is_list else tf_name
    return camel(name), is_list


class SdkWalker:
    """Rows of an SDKv2 schema: every non-computed-only attribute, nested blocks included."""

    def __init__(self, constants, package, overrides, resource):
        self.constants = constants
        self.package = package
        self.overrides = overrides
        self.resource = resource
        self.rows = []

    def walk(self, schema_map, tf_prefix, pulumi_prefix, parent_forces, chain=()):
        for key, value in schema_map.elements:
            name = self.constants.text(key)
            if name is None or name == "tags_all":
                # tags_all is tags merged with the provider's default tags: an output, never an input in Pulumi.
                continue
            attribute = unwrap(value)
            helper = attribute.func.text if isinstance(attribute, Call) and isinstance(attribute.func, Name) else None
            if helper in chain:
                # A recursive schema (WAF statements nest statements): the level below repeats this one.
                continue
            if isinstance(attribute, Call):
                attribute = returned(self.package, attribute) or attribute
            if not isinstance(attribute, Composite):
                # A helper from another package (tags, policy documents): none of them forces replacement unless
                # its name says so (tftags.TagsSchemaForceNew).
                forces = isinstance(value, Call) and "ForceNew" in getattr(value.func, "text", "")
                self.add(tf_prefix + name, pulumi_prefix + pulumi_name(name, False, self.overrides,
                         self.resource + "." + tf_prefix + name)[0], forces or parent_forces, "helper")
                continue
            computed_only = is_true(attribute.get("Computed")) and not (
                is_true(attribute.get("Optional")) or is_true(attribute.get("Required")))
            if computed_only:
                continue
            type_name = attribute.get("Type").text if isinstance(attribute.get("Type"), Name) else ""
            max_one = isinstance(attribute.get("MaxItems"), Literal) and attribute.get("MaxItems").text == "1"
            is_list = type_name in LIST_TYPES and not max_one
            forces = is_true(attribute.get("ForceNew"))
            tf_path = tf_prefix + name
            segment, pulumi_list = pulumi_name(name, is_list, self.overrides, self.resource + "." + tf_path)
            pulumi_path = pulumi_prefix + segment
            self.add(tf_path, pulumi_path, forces or parent_forces, type_name.replace("schema.Type", "").lower())
            elem = unwrap(attribute.get("Elem"))
            elem_helper = elem.func.text if isinstance(elem, Call) and isinstance(elem.func, Name) else None
            if elem_helper in chain:
                continue
            nested = self.nested(elem) if elem is not None else None
            if nested is not None:
                self.walk(nested, tf_path + ("[]." if not max_one else "."),
                          pulumi_path + ("[]." if pulumi_list else "."), forces or parent_forces,
                          chain + tuple(h for h in (helper, elem_helper) if h))

    def nested(self, elem):
        if isinstance(elem, Call):
            elem = returned(self.package, elem)
        if isinstance(elem, Composite) and elem.type.endswith("schema.Resource"):
            return sdk_schema_map(elem.get("Schema") or elem.get("SchemaFunc"), self.package)
        return None

    def add(self, tf_path, pulumi_path, forces, kind):
        self.rows.append(Row(tf_path, pulumi_path, "always" if forces else "never", kind))


class FrameworkWalker:
    """Rows of a plugin-framework schema: attributes with RequiresReplace plan modifiers, and nested blocks."""

    LIST_ATTRIBUTES = ("ListAttribute", "SetAttribute", "ListNestedAttribute", "SetNestedAttribute")
    LIST_BLOCKS = ("ListNestedBlock", "SetNestedBlock")

    def __init__(self, constants, overrides, resource):
        self.constants = constants
        self.overrides = overrides
        self.resource = resource
        self.rows = []

    def walk(self, schema, tf_prefix, pulumi_prefix, parent_forces):
        attributes = schema.get("Attributes")
        for key, value in (attributes.elements if isinstance(attributes, Composite) else []):
            name = self.constants.text(key)
            attribute = unwrap(value)
            if name is None or name == "tags_all" or not isinstance(attribute, Composite):
                continue
            if is_true(attribute.get("Computed")) and not (is_true(attribute.get("Optional"))
                                                            or is_true(attribute.get("Required"))):
                continue
            is_list = attribute.type.split(".")[-1] in self.LIST_ATTRIBUTES
            self.add(name, is_list, self.replaces(attribute), tf_prefix, pulumi_prefix, parent_forces, "attribute")
        blocks = schema.get("Blocks")
        for key, value in (blocks.elements if isinstance(blocks, Composite) else []):
            name = self.constants.text(key)
            block = unwrap(value)
            if name is None or not isinstance(block, Composite):
                continue
            max_one = "SizeAtMost(1)" in repr(block.get("Validators"))
            is_list = block.type.split(".")[-1] in self.LIST_BLOCKS and not max_one
            forces = self.replaces(block)
            path = self.add(name, is_list, forces, tf_prefix, pulumi_prefix, parent_forces, "block")
            nested = unwrap(block.get("NestedObject"))
            if isinstance(nested, Composite):
                sep = "[]." if is_list else "."
                self.walk(nested, tf_prefix + name + sep, path + sep, forces == "always" or parent_forces)

    @staticmethod
    def replaces(node):
        modifiers = repr(node.get("PlanModifiers"))
        if re.search(r"RequiresReplace'\)", modifiers) or "RequiresReplace()" in modifiers:
            return "always"
        conditional = re.search(r"(RequiresReplaceIf\w*)", modifiers)
        return "if:" + conditional.group(1) if conditional else "never"

    def add(self, name, is_list, replaces, tf_prefix, pulumi_prefix, parent_forces, kind):
        tf_path = tf_prefix + name
        pulumi_path = pulumi_prefix + pulumi_name(name, is_list, self.overrides, self.resource + "." + tf_path)[0]
        self.rows.append(Row(tf_path, pulumi_path, "always" if parent_forces else replaces, kind))
        return pulumi_path


FORCE_NEW_CALL = re.compile(r"\.ForceNew\(\s*([^)]+?)\s*\)")
FORCE_NEW_IF = re.compile(r"customdiff\.(ForceNewIf|ForceNewIfChange)\(\s*([^,]+?)\s*,")
CALLED = re.compile(r"\b([a-z]\w*)\(")


def customize_diff_rules(resource_node, package, constants):
    """(function, Terraform attribute) pairs: each CustomizeDiff function that forces a replacement, and on what."""
    node = resource_node.get("CustomizeDiff")
    if node is None:
        return []
    functions = []

    def collect(n):
        n = unwrap(n)
        if isinstance(n, Name):
            functions.append((n.text, None))
        elif isinstance(n, Call):
            func = n.func.text if isinstance(n.func, Name) else ""
            if func.endswith("ForceNewIf") or func.endswith("ForceNewIfChange"):
                attribute = constants.text(n.args[0]) if n.args else None
                functions.append((func.split(".")[-1] + "(" + str(attribute) + ")", attribute))
            else:
                for arg in n.args:
                    collect(arg)

    collect(node)
    rules = []
    for name, attribute in functions:
        if attribute is not None:
            rules.append((name, attribute))
            continue
        for forced in forced_attributes(name, package, constants, depth=0):
            rules.append((name, forced))
    return rules


def forced_attributes(function, package, constants, depth):
    """The attributes a CustomizeDiff function (or a function it calls, two levels down) calls ForceNew on."""
    if depth > 2 or "." in function:
        return []
    found = package.body(function)
    if not found:
        return []
    body = found[1]
    out = []
    for match in FORCE_NEW_CALL.finditer(body):
        argument = match.group(1)
        text = constants.text(Literal(argument)) if argument.startswith('"') else constants.text(Name(argument))
        if text is None:
            prefix = re.search(r"GetChangedKeysPrefix\(\s*([\w.]+|\"[^\"]+\")\s*\)", body)
            if prefix:
                arg = prefix.group(1)
                text = constants.text(Literal(arg) if arg.startswith('"') else Name(arg))
        out.append(text if text is not None else "?" + argument)
    for match in FORCE_NEW_IF.finditer(body):
        arg = match.group(2)
        out.append(constants.text(Literal(arg) if arg.startswith('"') else Name(arg)) or "?" + arg)
    for callee in set(CALLED.findall(body)):
        if callee != function:
            out.extend(forced_attributes(callee, package, constants, depth + 1))
    return sorted(set(out))


PACKAGES = {}


def resource_rows(source, constants, overrides, tf_name):
    registration = source.registrations().get(tf_name)
    if registration is None:
        raise SystemExit("no @SDKResource or @FrameworkResource registers " + tf_name + " at " + source.revision
                         + "; give its rows in tools/replacement-rules/manual.tsv from a revision that has it")
    kind, path, line = registration
    sdk = kind == "SDK"
    text = source.read(path)
    package = PACKAGES.get(os.path.dirname(path)) or PACKAGES.setdefault(os.path.dirname(path), Package(source, path))
    constants.local = {}
    constants.load_package(source, [path])
    if sdk:
        offset = sum(len(l) + 1 for l in text.splitlines()[:line])
        match = re.compile(r"^func (\w+)\(", re.MULTILINE).search(text, offset)
        body = gosource.functions(text)[match.group(1)][0]
        start = body.index("&schema.Resource{")
        resource_node = unwrap(gosource.parse_expression_at(body, start))
        schema_map = sdk_schema_map(resource_node.get("Schema") or resource_node.get("SchemaFunc"), package)
        if schema_map is None:
            raise SystemExit("cannot follow the schema of %s in %s: %r" % (tf_name, path, resource_node.get("Schema")
                                                                        or resource_node.get("SchemaFunc")))
        walker = SdkWalker(constants, package, overrides, tf_name)
        walker.walk(schema_map, "", "", False)
        rows = walker.rows
        for function, attribute in customize_diff_rules(resource_node, package, constants):
            for row in rows:
                if attribute and (row.tf_path == attribute or row.tf_path.startswith(attribute + ".")
                                  or row.tf_path.startswith(attribute + "[]")) and row.replaces == "never":
                    row.replaces = "if:" + function
        return path, rows
    method = re.search(r"^func \(\w+ \*\w+\) Schema\(", text, re.MULTILINE)
    if method is None:
        # The resource embeds another resource type that declares the schema (the VPC security group rules).
        embedded = set()
        for block in re.findall(r"^type \w+ struct \{(.*?)^\}", text, re.MULTILINE | re.DOTALL):
            embedded.update(re.findall(r"^\s*\*?(\w+)\s*$", block, re.MULTILINE))
        for file in package.files:
            other = source.read(file)
            method = next((m for m in re.finditer(r"^func \(\w+ \*(\w+)\) Schema\(", other, re.MULTILINE)
                           if m.group(1) in embedded), None)
            if method:
                text, path = other, path + " (schema in " + file + ")"
                break
    if method is None:
        raise SystemExit("no Schema method in " + path + " for " + tf_name)
    body = gosource.functions(text[method.start():])["Schema"][0]
    start = re.search(r"\bschema\.Schema\{", body).start()
    schema = gosource.parse_expression_at(body, start)
    walker = FrameworkWalker(constants, overrides, tf_name)
    walker.walk(schema, "", "", False)
    return path, walker.rows


DEPTH = 5
STRENGTH = {"never": 0, "always": 2}


def folded(rows):
    """Rows deeper than DEPTH path segments folded into one `<ancestor>.**` row that replaces when any row under it
    does: WAF statements nest statements three levels deep, thousands of paths the program never sets one by one."""
    out, deep = [], {}
    for row in rows:
        parts = row.pulumi_path.split(".")
        if len(parts) <= DEPTH:
            out.append(row)
            continue
        key = ".".join(parts[:DEPTH])
        current = deep.get(key)
        if current is None or STRENGTH.get(row.replaces, 1) > STRENGTH.get(current.replaces, 1):
            tf_key = ".".join(row.tf_path.split(".")[:DEPTH]) + ".**"
            deep[key] = Row(tf_key, key + ".**", row.replaces, "subtree")
    return out + list(deep.values())


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t"))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", required=True, help="terraform-provider-aws work tree or git directory")
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--version", help="the release the revision is, when its CHANGELOG says Unreleased")
    parser.add_argument("--bridged", default="unpinned",
                        help="the terraform-provider-aws release pulumi-aws's pinned version bridges")
    parser.add_argument("--output", default=OUTPUT)
    args = parser.parse_args()
    source = Source(args.source, args.rev)
    constants = Constants(source)
    overrides = {tf: pulumi for tf, pulumi in read_tsv(OVERRIDES)} if os.path.exists(OVERRIDES) else {}
    manual = {}
    for row in read_tsv(MANUAL):
        manual.setdefault(row[0], []).append("\t".join(row))
    lines = []
    for pulumi_type, tf_name in read_tsv(TYPES):
        hand = manual.get(pulumi_type, [])
        if tf_name.startswith("aws_") and tf_name in source.registrations():
            path, rows = resource_rows(source, constants, overrides, tf_name)
            handled = {line.split("\t")[1] for line in hand}
            for row in folded(rows):
                if row.pulumi_path not in handled:
                    lines.append("\t".join([pulumi_type, row.pulumi_path, row.replaces, tf_name, row.tf_path, path]))
        elif not hand:
            resource_rows(source, constants, overrides, tf_name)  # fails, naming the type
        lines.extend(hand)
    version = args.version or source.changelog_version()
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("# Inputs that replace a resource when changed, per planned type, generated by\n")
        out.write("# tools/replacement-rules/generate.py from hashicorp/terraform-provider-aws; do not edit.\n")
        out.write("# source-revision\t" + source.revision + "\n")
        out.write("# source-version\t" + version + "\n")
        out.write("# bridged-version\t" + args.bridged + "\n")
        out.write("# columns: pulumi type, Pulumi input path, replaces (always | never | if:<CustomizeDiff or plan"
                  " modifier>), Terraform resource, Terraform attribute path, Go file\n")
        for line in lines:
            out.write(line + "\n")
    print("wrote %d rows for %d types to %s" % (len(lines), len(read_tsv(TYPES)), args.output))


if __name__ == "__main__":
    main()
