"""Staff survey forms: respondent workbooks made from the maturity model or the AI-usage questionnaire
(`form.write_form`), and filled ones read back and checked one file at a time (`reading.read_forms`).

Storing the answers is `caio_desktop.operations.surveys`; the aggregates are `caio_desktop.domain.surveys`.
"""

from caio_desktop.interchange.surveys.form import FormSpec, write_form
from caio_desktop.interchange.surveys.questions import FormQuestion, form_questions
from caio_desktop.interchange.surveys.reading import FilledForm, FormRefused, read_form, read_forms

__all__ = ["FilledForm", "FormQuestion", "FormRefused", "FormSpec", "form_questions", "read_form", "read_forms",
           "write_form"]
