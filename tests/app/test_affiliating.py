"""Affiliations and roles suggested from what the claims say, on a real project file."""

from db import NewArticle, Project
from kernel import ClaimDraft, Span

from app.affiliating import pending, suggest_affiliations

TEXT = ("🇮🇹 Italian Defense Minister Guido Crosetto said Italy was ready to help. "
        "Crosetto added that troops could go. Anna Rossi said nothing would change.")


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def project_with_claims(tmp_path) -> Project:
    project = Project.open(tmp_path / "p.quotedesk")
    article, _ = project.add_article(NewArticle(text=TEXT, title="Crosetto"))
    for content, role, mention, status in (("Italy was ready to help", "Italian Defense Minister", "Guido Crosetto",
                                            "suggested"),
                                           ("troops could go", None, "Crosetto", "confirmed")):
        project.save_suggestions(article.id, [ClaimDraft(content=span(TEXT, content), speaker="Guido Crosetto",
                                                         mention=span(TEXT, mention), role=role)])
    rejected = ClaimDraft(content=span(TEXT, "nothing would change"), speaker="Anna Rossi",
                          mention=span(TEXT, "Anna Rossi"), role="Finance Minister")
    project.save_suggestions(article.id, [rejected])
    rossi = next(c for c in project.claims() if c.speaker == "Anna Rossi")
    project.update_claim(rossi.id, annotator="ann", status="rejected")
    return project


def test_a_speakers_title_gives_its_affiliation_and_role_once(tmp_path):
    project = project_with_claims(tmp_path)
    changes = suggest_affiliations(project)
    speakers = {s.name: s for s in project.speakers()}
    crosetto = speakers["Guido Crosetto"]
    assert crosetto.affiliation == "Government of Italy"
    assert [r.role for r in crosetto.roles] == ["Italian Defense Minister"]
    assert crosetto.id in pending(project) and changes
    # a rejected suggestion says nothing about its speaker
    assert speakers["Anna Rossi"].affiliation is None and not speakers["Anna Rossi"].roles
    # a second run finds nothing new to do
    assert not suggest_affiliations(project)


def test_an_affiliation_a_person_cleared_is_not_suggested_again(tmp_path):
    project = project_with_claims(tmp_path)
    suggest_affiliations(project)
    crosetto = next(s for s in project.speakers() if s.name == "Guido Crosetto")
    project.update_speaker(crosetto.id, annotator="ann", affiliation=None)
    assert not suggest_affiliations(project)
    assert next(s for s in project.speakers() if s.id == crosetto.id).affiliation is None
