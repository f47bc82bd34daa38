"""Shapes shared by every resource: pages of results and the error body."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..text import has_control_characters

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many match the filters, across all pages.")
    limit: int
    offset: int


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no round with id '…'"])
    details: Any = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Strict(BaseModel):
    """Request bodies refuse unknown fields, so a typo is an error instead of being ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        if isinstance(value, str) and has_control_characters(value):
            raise ValueError("must not contain control characters")
        return value


class Orm(BaseModel):
    model_config = ConfigDict(from_attributes=True)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No valid API token"},
    403: {"model": ErrorBody, "description": "The token lacks the right for this"},
    404: {"model": ErrorBody, "description": "Not found"},
    409: {"model": ErrorBody, "description": "Conflicts with existing data"},
    422: {"model": ErrorBody, "description": "Invalid input, or refused by the regulation"},
}
