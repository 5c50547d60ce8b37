-- The catalog of the products the demo book subscribes to; sales managers replace it on /products.
insert into product (name, position, list_arr_strategic, list_arr_enterprise, list_arr_growth) values
    ('Care Coordination Suite',     0, 720000.00, 210000.00, 72000.00),
    ('Patient Engagement Cloud',    1, 540000.00, 160000.00, 54000.00),
    ('Claims Analytics',            2, 480000.00, 150000.00, 48000.00),
    ('Risk & Compliance Hub',       3, 760000.00, 220000.00, 76000.00),
    ('Client Onboarding Cloud',     4, 520000.00, 155000.00, 52000.00),
    ('Payments Analytics',          5, 450000.00, 140000.00, 45000.00),
    ('Policy Administration Cloud', 6, 800000.00, 240000.00, 80000.00),
    ('Agent Portal',                7, 360000.00, 110000.00, 36000.00);

insert into product_vertical (product_name, vertical) values
    ('Care Coordination Suite', 'HEALTHCARE'),
    ('Patient Engagement Cloud', 'HEALTHCARE'),
    ('Claims Analytics', 'HEALTHCARE'),
    ('Claims Analytics', 'INSURANCE'),
    ('Risk & Compliance Hub', 'FINANCIAL_SERVICES'),
    ('Risk & Compliance Hub', 'INSURANCE'),
    ('Client Onboarding Cloud', 'FINANCIAL_SERVICES'),
    ('Payments Analytics', 'FINANCIAL_SERVICES'),
    ('Policy Administration Cloud', 'INSURANCE'),
    ('Agent Portal', 'INSURANCE');

insert into product_complement (product_name, complement_name) values
    ('Care Coordination Suite', 'Patient Engagement Cloud'),
    ('Patient Engagement Cloud', 'Care Coordination Suite'),
    ('Claims Analytics', 'Care Coordination Suite'),
    ('Claims Analytics', 'Policy Administration Cloud'),
    ('Risk & Compliance Hub', 'Client Onboarding Cloud'),
    ('Client Onboarding Cloud', 'Risk & Compliance Hub'),
    ('Payments Analytics', 'Client Onboarding Cloud'),
    ('Policy Administration Cloud', 'Claims Analytics'),
    ('Policy Administration Cloud', 'Agent Portal'),
    ('Agent Portal', 'Policy Administration Cloud'),
    ('Risk & Compliance Hub', 'Policy Administration Cloud');
