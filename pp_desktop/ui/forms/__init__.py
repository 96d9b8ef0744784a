"""Create/edit forms of every entity an officer records (issue 3), one small module each."""

from __future__ import annotations

from pp_desktop.ui.forms.contact_form import ContactForm
from pp_desktop.ui.forms.form_base import RecordForm, SaveResult
from pp_desktop.ui.forms.organisation_form import OrganisationForm
from pp_desktop.ui.forms.price_form import PriceForm
from pp_desktop.ui.forms.project_form import ProjectForm
from pp_desktop.ui.forms.recommendation_form import RecommendationForm
from pp_desktop.ui.forms.seizure_form import SeizureForm

FORMS: dict[str, type[RecordForm]] = {
    form.entity: form
    for form in (
        SeizureForm,
        PriceForm,
        ProjectForm,
        RecommendationForm,
        OrganisationForm,
        ContactForm,
    )
}

__all__ = ["FORMS", "RecordForm", "SaveResult"]
