package io.khoj4j.archfixture.dependency.adapter.web;

public class InvoiceResource {}
