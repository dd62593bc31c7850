#!/usr/bin/env python3
"""Writes src/main/resources/preflight/api-constraints.json from AWS's own API models.

For every Pulumi input that src/main/resources/preflight/mappings.json maps to a member of an AWS
API call, this looks the member up in botocore's copy of AWS's service model and records its
constraints: type, length or value range (min/max), pattern, enum values, whether the call requires
it, and the constraints AWS states only in the member's documentation text ("Up to 255 characters",
"Allowed characters are ..."), as the EC2 model does. Inputs that hold a JSON document (an ECS
container definition list, WAF rules) get the whole shape the document must follow.

Users never need botocore: the output is checked in and read by the program at run time. Re-run it
when a mapping changes or botocore is newer:

    python3 tools/preflight/generate-constraints.py [--models DIR]

It reads the newest botocore it finds (Debian's python3-botocore, any pyenv or site Python's); --newest-version
prints that version, which PreflightModelsTest compares with the one the checked-in output names. The output names
the botocore version it read. It fails, naming the mapping, when a mapped member
does not exist in the model, unless the mapping lists it under "newerThanModel" (a member AWS added
after the model was published).
"""
import argparse
import glob
import gzip
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAPPINGS = os.path.join(ROOT, "src/main/resources/preflight/mappings.json")
OUTPUT = os.path.join(ROOT, "src/main/resources/preflight/api-constraints.json")
# Where botocore's models may be: Debian's package, and whatever Pythons the machine has (the 2026 image's pyenv
# Python ships a much newer botocore than Debian's 2022 package). The newest is read.
MODEL_GLOBS = [
    "/usr/lib/python3/dist-packages/botocore/data",
    "/usr/lib/python3*/site-packages/botocore/data",
    "/usr/local/lib/python3*/*-packages/botocore/data",
    os.path.expanduser("~/.pyenv/versions/*/lib/python3*/site-packages/botocore/data"),
    os.path.expanduser("~/.local/lib/python3*/site-packages/botocore/data"),
]
# botocore directory names of the services whose operations the mappings name.
SERVICE_DIRS = {"stepfunctions": "stepfunctions", "elbv2": "elbv2", "application-autoscaling": "application-autoscaling"}


def load_model(models, service):
    directory = os.path.join(models, SERVICE_DIRS.get(service, service))
    versions = sorted(os.listdir(directory))
    for version in reversed(versions):
        for name in ("service-2.json", "service-2.json.gz"):
            path = os.path.join(directory, version, name)
            if os.path.exists(path):
                opener = gzip.open if path.endswith(".gz") else open
                with opener(path, "rt", encoding="utf-8") as f:
                    return json.load(f)
    raise SystemExit("no service model for " + service + " under " + directory)


def version_key(version):
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def newest_models():
    """The botocore data directory of the newest botocore on this machine, or None."""
    found = []
    for pattern in MODEL_GLOBS:
        for directory in glob.glob(pattern):
            if os.path.exists(os.path.join(os.path.dirname(directory), "__init__.py")):
                found.append((version_key(botocore_version(directory)), directory))
    try:
        import botocore  # the running Python's own, if it has one
        found.append((version_key(botocore.__version__), os.path.join(os.path.dirname(botocore.__file__), "data")))
    except ImportError:
        pass
    return max(found)[1] if found else None


def botocore_version(models):
    init = os.path.join(os.path.dirname(models), "__init__.py")
    with open(init, encoding="utf-8") as f:
        match = re.search(r"__version__ = '([^']+)'", f.read())
    return match.group(1) if match else "unknown"


def documented(member):
    """Constraints stated only in the member's documentation text (the EC2 model states them so)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", member.get("documentation", "")))
    found = {}
    length = re.search(r"Constraints: Up to (\d+) characters", text)
    if length:
        found["max"] = int(length.group(1))
    # "Allowed characters are ..." and "Constraints for EC2-VPC: ..." in older models, "Valid characters: ..." since.
    chars = re.search(r"(?:Allowed characters are|Constraints for EC2-VPC:|Valid characters:)\s+"
                      r"(a-z, A-Z, 0-9, spaces, and \S+)", text)
    if chars:
        literal = chars.group(1).split(" and ", 1)[1]
        found["charset"] = "[a-zA-Z0-9 " + "".join("\\" + c if c in "[]\\^-" else c for c in literal) + "]*"
    return found


def leaf(shapes, shape_name, member, required, api):
    shape = shapes[shape_name]
    entry = {"api": api, "type": shape["type"], "required": required}
    for key in ("min", "max", "pattern", "enum"):
        if key in shape:
            entry[key] = shape[key]
    doc = documented(member)
    if doc:
        entry["documented"] = doc
    if shape["type"] in ("structure", "list"):
        entry["document"] = shape_name
    return entry


def resolve(model, operation, path, api, main_call):
    """The leaf constraint of an API member path. It counts as required only when the call is the one
    that creates the resource and the member and every member above it are required: a member
    required inside an optional structure is required only when that structure is sent."""
    shapes = model["shapes"]
    op = model["operations"].get(operation)
    if op is None:
        raise KeyError("no operation " + operation)
    shape_name = op["input"]["shape"]
    member, required, all_required = {}, False, main_call
    for segment in path.split("."):
        name, into_list = (segment[:-2], True) if segment.endswith("[]") else (segment, False)
        shape = shapes[shape_name]
        if name == "*":
            if shape["type"] != "map":
                raise KeyError("'*' on a " + shape["type"] + " in " + path)
            key_shape = shapes[shape["key"]["shape"]]
            member = {"shape": shape["value"]["shape"]}
            required = False
            shape_name = shape["value"]["shape"]
            key_rules = {k: key_shape[k] for k in ("min", "max", "pattern") if k in key_shape}
        else:
            members = shape.get("members", {})
            if name not in members:
                raise KeyError("no member " + name + " in " + shape_name)
            member = members[name]
            required = name in shape.get("required", [])
            all_required = all_required and required
            shape_name = member["shape"]
            key_rules = None
        if into_list:
            list_shape = shapes[shape_name]
            if list_shape["type"] != "list":
                raise KeyError(name + " is not a list in " + path)
            shape_name = list_shape["member"]["shape"]
    entry = leaf(shapes, shape_name, member, all_required and not into_list_seen(path), api)
    if key_rules:
        entry["key"] = key_rules
    return entry


def into_list_seen(path):
    return "[]" in path or "*" in path


def closure(model, shape_name, service, out):
    """The shape and every shape it refers to, trimmed to what a document check needs."""
    key = service + ":" + shape_name
    if key in out:
        return
    shape = model["shapes"][shape_name]
    trimmed = {k: shape[k] for k in ("type", "min", "max", "pattern", "enum", "required") if k in shape}
    out[key] = trimmed
    if shape["type"] == "structure":
        trimmed["members"] = {n: service + ":" + m["shape"] for n, m in shape["members"].items()}
        for m in shape["members"].values():
            closure(model, m["shape"], service, out)
    elif shape["type"] == "list":
        trimmed["member"] = service + ":" + shape["member"]["shape"]
        closure(model, shape["member"]["shape"], service, out)
    elif shape["type"] == "map":
        trimmed["value"] = service + ":" + shape["value"]["shape"]
        closure(model, shape["value"]["shape"], service, out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", help="botocore's data directory (default: the newest botocore found)")
    parser.add_argument("--newest-version", action="store_true",
                        help="print the version of the newest botocore found, and nothing else")
    args = parser.parse_args()
    if args.newest_version:
        newest = newest_models()
        print(botocore_version(newest) if newest else "none")
        return
    args.models = args.models or newest_models()
    if args.models is None:
        raise SystemExit("no botocore on this machine: install one (apt-get install python3-botocore, or pip) or "
                         "give --models")
    with open(MAPPINGS, encoding="utf-8") as f:
        mappings = json.load(f)
    models, members, shapes, missing = {}, {}, {}, []
    for resource_type, mapping in sorted(mappings.items()):
        if resource_type.startswith("_") or mapping.get("operation") is None:
            continue
        newer = set(mapping.get("newerThanModel", []))
        entries = {}
        for pulumi_path, target in mapping["inputs"].items():
            operation_ref, api_path = target.split(" ", 1) if " " in target else (mapping["operation"], target)
            service, operation = operation_ref.split(":")
            model = models.setdefault(service, load_model(args.models, service))
            api = operation_ref + " " + api_path
            try:
                entry = resolve(model, operation, api_path, api, operation_ref == mapping["operation"])
            except KeyError as e:
                if pulumi_path in newer:
                    entries[pulumi_path] = {"api": api, "newerThanModel": True}
                    continue
                missing.append(resource_type + " " + pulumi_path + " -> " + api + ": " + str(e))
                continue
            if pulumi_path in mapping.get("providerFills", {}):
                # The provider sends a value of its own when the program sets none (an autoname).
                entry["required"] = False
                entry["providerFills"] = mapping["providerFills"][pulumi_path]
            if pulumi_path in mapping.get("valueMap", {}):
                entry["valueMap"] = mapping["valueMap"][pulumi_path]
            added = mapping.get("enumNewerThanModel", {}).get(pulumi_path)
            if added:
                entry["enum"] = entry.get("enum", []) + [v for v in added["values"] if v not in entry.get("enum", [])]
                entry["enumSource"] = added["source"]
            if "document" in entry:
                closure(model, entry["document"], service, shapes)
                entry["document"] = service + ":" + entry["document"]
            entries[pulumi_path] = entry
        members[resource_type] = entries
    if missing:
        sys.stderr.write("mapped members not in the models:\n  " + "\n  ".join(missing) + "\n")
        return 1
    document = {"_generated": "by tools/preflight/generate-constraints.py from botocore "
                + botocore_version(args.models) + "'s AWS service models; do not edit",
                "botocore": botocore_version(args.models), "members": members, "shapes": shapes}
    with open(OUTPUT, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=True)
        f.write("\n")
    count = sum(len(v) for v in members.values())
    print("wrote " + os.path.relpath(OUTPUT, ROOT) + ": " + str(count) + " members of " + str(len(members))
          + " resource types, " + str(len(shapes)) + " document shapes, botocore " + botocore_version(args.models))
    return 0


if __name__ == "__main__":
    sys.exit(main())
