"""DS Playground fences for MkDocs (Python-Markdown with pymdownx.superfences).

A ```ds-playground fence becomes a <ds-playground> element, checked at build time by the
package's own schema (fence.mjs, run with Node): a bad fence fails `mkdocs build` naming the
file, the line and the field, as the markdown-it and remark plugins do.

mkdocs.yml (MkDocs 1.4 or newer):

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: ds-playground
              class: ds-playground
              validator: !!python/name:ds_playground.validator
              format: !!python/name:ds_playground.formatter
    hooks:
      - path/to/ds_playground.py

`ds_playground.py` must be importable (PYTHONPATH, or next to mkdocs.yml). The hook checks
every fence of a page with its file and line before the page is rendered; the formatter turns
a fence (already checked) into its tag.
"""

import json
import os
import re
import shutil
import subprocess

FENCE_NAME = "ds-playground"
_FENCE_JS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fence.mjs")
_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<ticks>`{3,}|~{3,})\s*ds-playground\b(?P<info>.*)$")


def _node(fences):
    """Runs fence.mjs on fences [{info, body, file, line}]; returns [{tag} or {error}]."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("ds-playground fences need Node.js (node on PATH) to be checked")
    done = subprocess.run(
        [node, _FENCE_JS],
        input=json.dumps(fences),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError("ds-playground fence check failed: " + done.stderr.strip())
    return json.loads(done.stdout)


def fences_of(markdown, file):
    """The ds-playground fences of a page, each with its 1-based line."""
    lines = markdown.split("\n")
    out = []
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        ticks = m.group("ticks")
        start = i
        body = []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(ticks):
            body.append(lines[i])
            i += 1
        out.append(
            {"info": m.group("info").strip(), "body": "\n".join(body), "file": file, "line": start + 1}
        )
        i += 1
    return out


# --- MkDocs hook: check every fence with its file and line -------------------------------


_UNQUOTED = re.compile(r'([\w-]+)=(?!")(\S+)')


def on_page_markdown(markdown, page, config, files, **kwargs):
    fences = fences_of(markdown, page.file.src_path)
    if fences:
        errors = [r["error"] for r in _node(fences) if "error" in r]
        # superfences reads only quoted options: an unquoted one would leave the fence as code.
        for f in fences:
            m = _UNQUOTED.search(f["info"])
            if m:
                errors.append(
                    '%s:%d: ds-playground fence: %s: write %s="%s" (pymdownx.superfences reads '
                    "only quoted options on the fence line)"
                    % (f["file"], f["line"], m.group(1), m.group(1), m.group(2))
                )
        if errors:
            from mkdocs.exceptions import PluginError

            raise PluginError("\n".join(errors))
    return markdown


# --- pymdownx.superfences custom fence ------------------------------------------------------


def validator(language, inputs, options, attrs, md):
    """Keeps the fence line's key=value options (`height=300 controls="playback log"`)."""
    for k, v in inputs.items():
        options[k] = v
    return True


def formatter(source, language, css_class, options, md, **kwargs):
    info = " ".join(k if v == "" else '%s="%s"' % (k, v) for k, v in options.items())
    [result] = _node([{"info": info, "body": source, "file": "markdown", "line": 1}])
    if "error" in result:
        raise ValueError(result["error"])
    return result["tag"]
